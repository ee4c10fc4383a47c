using System.Collections;
using System.Reflection;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// What flows between pipeline steps must be plain, value-equal data: a symbol, compilation, syntax node, location
/// or diagnostic inside would keep compilations alive and make every comparison fail, so caching would never hit.
/// Checked twice: over the declared types of the model records, and over the actual model of the real spec.
/// </summary>
public sealed class ModelGraphTests
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(Diagnostic), typeof(SemanticModel), typeof(AdditionalText),
    ];

    [Test]
    public void Model_types_declare_no_roslyn_or_openapi_objects()
    {
        var seen = new HashSet<Type>();
        var problems = new List<string>();
        Visit(typeof(SpecModel), "SpecModel");
        Visit(typeof(TypeToEmit), "TypeToEmit");
        Visit(typeof(GroupToEmit), "GroupToEmit");

        Assert.That(problems, Is.Empty);
        Assert.That(seen, Does.Contain(typeof(PropertyModel)).And.Contain(typeof(DiagnosticInfo)).And.Contain(typeof(OperationModel)),
            "the walk reached the leaves");

        void Visit(Type type, string path)
        {
            if (!seen.Add(type))
            {
                return;
            }

            if (Forbidden.Any(f => f.IsAssignableFrom(type)) || type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true)
            {
                problems.Add(path + ": " + type.FullName);
                return;
            }

            if (type == typeof(object) || type.IsInterface && type != typeof(IEquatable<>))
            {
                problems.Add(path + ": " + type.FullName + " (an untyped member could hold anything)");
                return;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Visit(argument, path + "<" + argument.Name + ">");
            }

            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Visit(field.FieldType, path + "." + field.Name);
            }
        }
    }

    [Test]
    public void The_real_spec_model_holds_only_plain_data()
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var problems = new List<string>();
        var count = 0;
        Walk(RealSpec.Model, "model");

        Assert.That(problems.Take(20), Is.Empty);
        Assert.That(count, Is.GreaterThan(5_000), "the walk went through the whole model");
        TestContext.Out.WriteLine($"{count} model objects walked");

        void Walk(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
            {
                return;
            }

            var type = value.GetType();
            if (!type.IsValueType && !visited.Add(value))
            {
                return;
            }

            count++;
            if (Forbidden.Any(f => f.IsInstanceOfType(value)) || type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true)
            {
                problems.Add(path + ": " + type.FullName);
                return;
            }

            if (value is IEnumerable items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, path + "[" + i++ + "]");
                }

                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.GetValue(value), path + "." + field.Name);
            }
        }
    }

    [Test]
    public void Parsing_the_same_text_twice_gives_equal_models()
    {
        var input = new Parsing.SpecInput(RepositoryPaths.RealSpecYaml, RealSpec.Text, SpecKind.Api, "true", null, null, null);

        var again = Parsing.SpecParser.Parse(input, CancellationToken.None);

        Assert.That(again, Is.Not.SameAs(RealSpec.Model));
        Assert.That(again, Is.EqualTo(RealSpec.Model));
        Assert.That(again.GetHashCode(), Is.EqualTo(RealSpec.Model.GetHashCode()));
    }
}
