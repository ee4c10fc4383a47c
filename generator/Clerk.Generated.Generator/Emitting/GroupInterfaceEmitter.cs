using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>
/// Emits the interface of one API group (<c>IUsersApi</c>): every public method of the group's class, docs included,
/// so application code can depend on the interface and tests can stub it (NSubstitute, Moq) without faking HTTP.
/// </summary>
internal static class GroupInterfaceEmitter
{
    public static string Emit(GroupToEmit item)
    {
        var settings = item.Settings;
        var group = item.Group;
        var writer = FileHeader.Start("#pragma warning disable CS0618 // Deprecated operations still take deprecated models.");
        writer.Line("namespace " + settings.Namespace);
        writer.OpenBlock();
        writer.Doc("summary", item.Summary);
        writer.Line("/// <remarks>Implemented by <see cref=\"" + CSharpTypes.Generated(group.ClassName, settings) + "\"/>; registered by <c>AddClerkClient</c>.</remarks>");
        writer.Line(CSharpTypes.GeneratedCodeAttribute);
        writer.OpenBlock(settings.Accessibility + " partial interface " + group.InterfaceName);
        var first = true;
        foreach (var operation in group.Operations)
        {
            foreach (var method in GroupMethods.Of(operation, settings))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                method.WriteDocs(writer);
                method.WriteObsolete(writer);
                writer.Signature(method.ReturnType + " " + method.Name, method.Declarations, ";");
            }
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
