using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// JSON built from the spec's own schemas and examples goes through the generated converters and back unchanged:
/// every generated model, enum and union (component and inline) in two shapes (all properties set; only the
/// required ones, null where allowed), plus every list an operation returns. Compared semantically: property
/// order and date-time spelling do not matter; absent and null must come back as they went in, which is what the
/// generated models promise (optional properties left unset are not written; required ones are, even when null).
/// </summary>
public sealed class RoundTripTests
{
    private static readonly Lazy<JsonDocument> Spec = new(() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.RealSpecJson)));

    [TestCase(ExampleShape.Full)]
    [TestCase(ExampleShape.Minimal)]
    public void Every_generated_type_round_trips_an_instance_of_its_schema(ExampleShape shape)
    {
        var synthesizer = new ExampleSynthesizer(Spec.Value.RootElement);
        var context = RealSpecTests.JsonContext();
        var failures = new List<string>();
        var counts = new Dictionary<TypeModelKind, int>();
        var components = 0;

        foreach (var type in RealSpec.Model.Types.Where(t => !t.IsFormBody))
        {
            string? json;
            try
            {
                json = synthesizer.Build(synthesizer.Pointer(type.SchemaPointer), shape)?.ToJsonString();
            }
            catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
            {
                failures.Add($"{type.Name}: its pointer {type.SchemaPointer} does not lead to a schema in the spec ({exception.Message})");
                continue;
            }

            if (json is null)
            {
                failures.Add($"{type.Name}: no instance could be built from {type.SchemaPointer}");
                continue;
            }

            var clrType = RealSpec.Assembly.GetType("Clerk.Generated." + type.Name, throwOnError: true)!;
            if (RoundTrip(context, clrType, json) is { } failure)
            {
                failures.Add($"{type.Name} ({type.SchemaPointer}): {failure}");
                continue;
            }

            counts[type.Kind] = counts.GetValueOrDefault(type.Kind) + 1;
            components += type.SchemaPointer.Count(c => c == '/') == 3 ? 1 : 0;
        }

        TestContext.Out.WriteLine($"{shape}: round-tripped {string.Join(", ", counts.Select(c => c.Value + " " + c.Key))} ({components} component schemas); spec examples used: {synthesizer.SpecExamplesUsed}");
        Assert.That(failures, Is.Empty);
        Assert.That(components, Is.EqualTo(RealSpecTests.GeneratedComponentTypes), "every component schema with a generated type");
        Assert.That(counts.Values.Sum(), Is.EqualTo(RealSpec.Model.Types.Count(t => !t.IsFormBody)));
    }

    [Test]
    public void Every_response_round_trips_an_instance_built_from_its_schema_and_examples()
    {
        var synthesizer = new ExampleSynthesizer(Spec.Value.RootElement);
        var context = RealSpecTests.JsonContext();
        var failures = new List<string>();
        var checkedResponses = 0;
        foreach (var operation in RealSpec.Model.Groups.SelectMany(g => g.Operations).Where(o => o.ResponseType is not null))
        {
            var schema = ResponseSchema(synthesizer, operation);
            var json = synthesizer.Build(schema, ExampleShape.Full)?.ToJsonString() ?? "null";
            var clrType = ClrType(operation.ResponseType!);
            if (clrType is null)
            {
                continue;
            }

            if (RoundTrip(context, clrType, json) is { } failure)
            {
                failures.Add($"{operation.OperationId} → {operation.ResponseType}: {failure}");
            }

            checkedResponses++;
        }

        TestContext.Out.WriteLine($"responses round-tripped: {checkedResponses}; spec examples used: {synthesizer.SpecExamplesUsed}");
        Assert.That(failures, Is.Empty);
        Assert.That(checkedResponses, Is.GreaterThan(200));
        Assert.That(synthesizer.SpecExamplesUsed, Is.GreaterThan(100), "the spec's own property examples are in the instances");
    }

    [Test]
    public void Every_object_model_keeps_properties_the_spec_does_not_describe()
    {
        var synthesizer = new ExampleSynthesizer(Spec.Value.RootElement);
        var context = RealSpecTests.JsonContext();
        var failures = new List<string>();
        var objects = RealSpec.Model.Types.Where(t => t.Kind == TypeModelKind.Object && !t.IsFormBody).ToList();
        foreach (var type in objects)
        {
            if (synthesizer.Build(synthesizer.Pointer(type.SchemaPointer), ExampleShape.Full) is not JsonObject instance)
            {
                failures.Add($"{type.Name}: no object instance");
                continue;
            }

            // A field Clerk adds after this spec: it must come back, value and all.
            instance["field_added_in_2030"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
            var clrType = RealSpec.Assembly.GetType("Clerk.Generated." + type.Name, throwOnError: true)!;
            if (RoundTrip(context, clrType, instance.ToJsonString()) is { } failure)
            {
                failures.Add($"{type.Name}: {failure}");
            }
        }

        Assert.That(objects, Has.Count.EqualTo(339));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_open_enum_keeps_a_value_it_does_not_know()
    {
        var context = RealSpecTests.JsonContext();
        var enums = RealSpec.Model.Types.Where(t => t.Kind == TypeModelKind.Enum).ToList();
        var failures = new List<string>();
        foreach (var type in enums)
        {
            var clrType = RealSpec.Assembly.GetType("Clerk.Generated." + type.Name, throwOnError: true)!;
            const string json = "\"a_value_added_in_2030\"";
            var value = JsonSerializer.Deserialize(json, context.GetTypeInfo(clrType)!)!;
            var isKnown = (bool)clrType.GetProperty("IsKnown")!.GetValue(value)!;
            var back = JsonSerializer.Serialize(value, context.GetTypeInfo(clrType)!);
            if (isKnown || back != json || (string)clrType.GetProperty("Value")!.GetValue(value)! != "a_value_added_in_2030")
            {
                failures.Add($"{type.Name}: IsKnown={isKnown}, wrote {back}");
            }
        }

        Assert.That(enums, Has.Count.GreaterThan(20));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void A_union_keeps_a_case_it_does_not_know()
    {
        var context = RealSpecTests.JsonContext();
        var unions = RealSpec.Model.Types.Where(t => t.Kind == TypeModelKind.Union && t.DiscriminatorProperty is not null).ToList();
        var failures = new List<string>();
        foreach (var type in unions)
        {
            var clrType = RealSpec.Assembly.GetType("Clerk.Generated." + type.Name, throwOnError: true)!;
            var json = $"{{\"{type.DiscriminatorProperty}\":\"brand_new_kind\",\"id\":\"x_1\",\"extra\":[1,2]}}";
            var value = JsonSerializer.Deserialize(json, context.GetTypeInfo(clrType)!)!;
            var isUnknown = (bool)clrType.GetProperty("IsUnknown")!.GetValue(value)!;
            var back = JsonSerializer.Serialize(value, context.GetTypeInfo(clrType)!);
            if (!isUnknown || !JsonNode.DeepEquals(JsonNode.Parse(back), JsonNode.Parse(json)))
            {
                failures.Add($"{type.Name}: IsUnknown={isUnknown}, wrote {back}");
            }
        }

        Assert.That(unions, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
    }

    private static JsonElement ResponseSchema(ExampleSynthesizer synthesizer, OperationModel operation)
    {
        var path = synthesizer.Pointer("#/paths/" + operation.PathTemplate.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        var responses = path.GetProperty(operation.HttpMethod.ToLowerInvariant()).GetProperty("responses");
        var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => synthesizer.Resolve(r.Value))
            .First(r => r.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out _));
        return success.GetProperty("content").GetProperty("application/json").GetProperty("schema");
    }

    private static Type? ClrType(TypeReference reference) => reference.Kind switch
    {
        TypeReferenceKind.Named => RealSpec.Assembly.GetType("Clerk.Generated." + reference.Name, throwOnError: true),
        TypeReferenceKind.List when ClrType(reference.Element!) is { } element => typeof(IReadOnlyList<>).MakeGenericType(element),
        TypeReferenceKind.Map when ClrType(reference.Element!) is { } element => typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), element),
        TypeReferenceKind.String => typeof(string),
        TypeReferenceKind.Int64 => typeof(long),
        TypeReferenceKind.Boolean => typeof(bool),
        TypeReferenceKind.Json => typeof(JsonElement),
        _ => null,
    };

    /// <summary>Deserializes and serializes back; null when the JSON came back the same, else what differed.</summary>
    private static string? RoundTrip(System.Text.Json.Serialization.JsonSerializerContext context, Type type, string json)
    {
        var typeInfo = context.GetTypeInfo(type);
        if (typeInfo is null)
        {
            return $"no JsonTypeInfo for {type}";
        }

        string back;
        try
        {
            var value = JsonSerializer.Deserialize(json, typeInfo);
            back = JsonSerializer.Serialize(value, typeInfo);
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message} for {Shorten(json)}";
        }

        var differences = new List<string>();
        JsonComparer.Compare(JsonNode.Parse(json), JsonNode.Parse(back), "$", differences);
        return differences.Count == 0 ? null : string.Join("; ", differences.Take(5)) + $" (in {Shorten(json)}, out {Shorten(back)})";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
