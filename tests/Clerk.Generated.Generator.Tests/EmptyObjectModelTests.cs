using System.Reflection;
using Clerk.Generated.Generator.Emitting;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// An object model that names no properties. The parser turns a property-less object schema into a map, so no spec
/// reaches this shape today; the emitter still handles it, since its read loop would otherwise hold an empty switch
/// (CS1522, an error in a consumer's warnings-as-errors build).
/// </summary>
public sealed class EmptyObjectModelTests
{
    private const string ConsumerSource = """
        namespace Consumer;

        /// <summary>Reads and writes back through the model's converter.</summary>
        public static class Calls
        {
            /// <summary>The count of kept members, then the JSON written back.</summary>
            public static string RoundTrip(string json)
            {
                var options = new System.Text.Json.JsonSerializerOptions { Converters = { Fixtures.Empty.Serialization.PongJsonConverter.Instance } };
                var pong = System.Text.Json.JsonSerializer.Deserialize<Fixtures.Empty.Pong>(json, options)!;
                return (pong.AdditionalProperties?.Count ?? 0) + " " + System.Text.Json.JsonSerializer.Serialize(pong, options);
            }
        }
        """;

    [Test]
    public void A_model_without_properties_compiles_cleanly_and_keeps_every_member()
    {
        var type = new TypeModel(
            "Pong", TypeModelKind.Object, "#/components/schemas/Pong", null, false,
            EquatableArray<PropertyModel>.Empty, EquatableArray<EnumMemberModel>.Empty, EquatableArray<UnionCaseModel>.Empty,
            null, false, false);
        var model = CSharpSyntaxTree.ParseText(ObjectEmitter.Emit(type, new EmitSettings("Fixtures.Empty", IsPublic: true)), GeneratorHarness.ParseOptions, path: "Pong.g.cs");
        var compilation = GeneratorHarness.CreateCompilation(ConsumerSource, "EmptyObjectConsumer").AddSyntaxTrees(model);
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()), Is.Empty);

        var roundTrip = GeneratorHarness.EmitAndLoad(compilation, "Consumer.Calls").GetMethod("RoundTrip", BindingFlags.Public | BindingFlags.Static)!;

        Assert.That(roundTrip.Invoke(null, ["""{"a":1,"b":{"c":[true]}}"""]), Is.EqualTo("""2 {"a":1,"b":{"c":[true]}}"""));
        Assert.That(roundTrip.Invoke(null, ["{}"]), Is.EqualTo("0 {}"));
    }
}
