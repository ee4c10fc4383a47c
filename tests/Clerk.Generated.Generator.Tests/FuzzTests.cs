using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// Mutated variants of the real Clerk spec through the generator (deleted keys, wrong types, broken references,
/// truncated text, random byte flips): no exception may escape (the driver would report it as CS8785), and every
/// variant must yield diagnostics or code. Seeds are fixed, so a failure names a variant that reproduces.
/// </summary>
/// <remarks>
/// Most variants mutate a trimmed copy of the spec (an eighth of the paths and the schemas they use, as JSON) to keep the
/// run short; <see cref="FullSpecVariants"/> mutate the full YAML text itself.
/// </remarks>
public sealed class FuzzTests
{
    private const int TrimmedVariants = 200;
    private const int FullSpecVariants = 20;

    private static readonly Lazy<JsonObject> Trimmed = new(Trim);

    [Test]
    public void Mutated_trimmed_specs_never_crash_the_generator()
    {
        var failures = Fuzz(TrimmedVariants, seed => MutateTrimmed(new Random(seed)), seedBase: 1000);

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Mutated_full_specs_never_crash_the_generator()
    {
        var failures = Fuzz(FullSpecVariants, seed => MutateText(RealSpec.Text, new Random(seed)), seedBase: 9000);

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void The_trimmed_base_spec_generates_cleanly()
    {
        var run = GeneratorHarness.Run(new[] { new SpecItem("/fuzz/trimmed.json", Trimmed.Value.ToJsonString()) }, GeneratorHarness.ConsumerSource, trackSteps: false);

        Assert.That(run.Exception, Is.Null);
        Assert.That(run.Diagnostics, Is.Empty);
        Assert.That(run.Sources, Has.Count.GreaterThan(100), "the base of most variants is still a large spec");
        TestContext.Out.WriteLine($"trimmed base: {Trimmed.Value.ToJsonString().Length} characters, {run.Sources.Count} generated files");
    }

    [Test]
    public void Mutations_are_deterministic_for_a_seed()
    {
        var first = MutateTrimmed(new Random(42)).Text;
        var second = MutateTrimmed(new Random(42)).Text;
        var firstText = MutateText(RealSpec.Text, new Random(7)).Text;
        var secondText = MutateText(RealSpec.Text, new Random(7)).Text;

        Assert.That(second, Is.EqualTo(first));
        Assert.That(secondText, Is.EqualTo(firstText));
        Assert.That(MutateTrimmed(new Random(1)).Text, Is.Not.EqualTo(MutateTrimmed(new Random(2)).Text));
    }

    private static List<string> Fuzz(int count, Func<int, (string Text, string Description)> variant, int seedBase)
    {
        var failures = new ConcurrentBag<string>();
        var kinds = new ConcurrentDictionary<string, int>();
        var withCode = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var seed = seedBase + i;
            var (text, description) = variant(seed);
            kinds.AddOrUpdate(description.Split(' ')[0], 1, (_, n) => n + 1);
            try
            {
                var run = GeneratorHarness.Run(new[] { new SpecItem($"/fuzz/variant-{seed}.yml", text) }, GeneratorHarness.ConsumerSource, trackSteps: false);
                if (run.Exception is not null || run.Diagnostics.Any(d => d.Id == "CS8785"))
                {
                    failures.Add($"seed {seed} ({description}): {run.Exception?.ToString() ?? string.Join("; ", run.Diagnostics.Where(d => d.Id == "CS8785"))}");
                }
                else if (run.Diagnostics.Count == 0 && run.Sources.Count == 0)
                {
                    failures.Add($"seed {seed} ({description}): neither diagnostics nor code");
                }
                else if (run.Diagnostics.FirstOrDefault(IsLastLineOfDefence) is { } caught)
                {
                    // The parser's catch-all kept the build alive, but an exception inside it is still a bug.
                    failures.Add($"seed {seed} ({description}): caught inside the generator: {caught.GetMessage()}");
                }
                else if (run.Diagnostics.Any(d => !d.Id.StartsWith("CLERKGEN", StringComparison.Ordinal)))
                {
                    failures.Add($"seed {seed} ({description}): unexpected {string.Join("; ", run.Diagnostics.Where(d => !d.Id.StartsWith("CLERKGEN", StringComparison.Ordinal)))}");
                }

                if (run.Sources.Count > 0)
                {
                    Interlocked.Increment(ref withCode);
                }
            }
            catch (Exception exception)
            {
                failures.Add($"seed {seed} ({description}): {exception}");
            }
        });

        TestContext.Out.WriteLine($"{count} variants ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => k.Key + " " + k.Value))}); {withCode} still generated code");
        return failures.OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    internal static string TrimmedVariant(int seed) => MutateTrimmed(new Random(seed)).Text;

    internal static string FullVariant(int seed) => MutateText(RealSpec.Text, new Random(seed)).Text;

    /// <summary>CLERKGEN001 as the parser's catch-all reports an exception: "…could be read: NullReferenceException: …".</summary>
    internal static bool IsLastLineOfDefence(Microsoft.CodeAnalysis.Diagnostic diagnostic) =>
        diagnostic.Id == "CLERKGEN001" && System.Text.RegularExpressions.Regex.IsMatch(diagnostic.GetMessage(), @"could not be read: \w*Exception: ");

    /// <summary>Every eighth path of the real spec and the component schemas they reach, as JSON.</summary>
    private static JsonObject Trim()
    {
        var root = JsonNode.Parse(File.ReadAllText(RepositoryPaths.RealSpecJson))!.AsObject();
        var paths = root["paths"]!.AsObject();
        var keep = new JsonObject();
        var index = 0;
        foreach (var (key, value) in paths.ToList())
        {
            if (index++ % 8 == 0)
            {
                paths.Remove(key);
                keep[key] = value;
            }
        }

        root["paths"] = keep;

        // Keep only the schemas something kept refers to (transitively), so the base stays valid but smaller.
        var schemas = root["components"]!["schemas"]!.AsObject();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(new JsonNode[] { keep, root["components"]!["parameters"]!, root["components"]!["responses"]! });
        while (pending.Count > 0)
        {
            foreach (var reference in References(pending.Pop()))
            {
                const string Prefix = "#/components/schemas/";
                if (reference.StartsWith(Prefix, StringComparison.Ordinal) && reached.Add(reference[Prefix.Length..]) && schemas[reference[Prefix.Length..]] is { } target)
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var name in schemas.Select(p => p.Key).Where(n => !reached.Contains(n)).ToList())
        {
            schemas.Remove(name);
        }

        return root;
    }

    private static IEnumerable<string> References(JsonNode node)
    {
        var nodes = new List<JsonNode>();
        Collect(node, nodes);
        return nodes.OfType<JsonObject>().Select(o => o["$ref"]).OfType<JsonValue>().Select(v => v.GetValue<string>());
    }

    /// <summary>One to three structural mutations of the trimmed spec, then sometimes a text-level one.</summary>
    private static (string Text, string Description) MutateTrimmed(Random random)
    {
        var root = Trimmed.Value.DeepClone().AsObject();
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var applied = new List<string>();
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            if (m > 0)
            {
                // Earlier mutations may have detached nodes: pick only from what is still in the document.
                nodes.Clear();
                Collect(root, nodes);
            }

            switch (random.Next(4))
            {
                case 0:
                    applied.Add(DeleteKey(nodes, random));
                    break;
                case 1:
                    applied.Add(WrongType(nodes, random));
                    break;
                case 2:
                    applied.Add(BreakReference(nodes, random));
                    break;
                default:
                    applied.Add(DeleteKey(nodes, random, preferSchemaKeys: true));
                    break;
            }
        }

        var text = root.ToJsonString();
        if (random.Next(4) == 0)
        {
            var (mutated, description) = MutateText(text, random);
            return (mutated, string.Join(", ", applied) + ", " + description);
        }

        return (text, string.Join(", ", applied));
    }

    private static (string Text, string Description) MutateText(string text, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var length = random.Next(text.Length);
                return (text[..length], $"truncate at {length}");
            case 1:
                var bytes = Encoding.UTF8.GetBytes(text);
                var flips = 1 + random.Next(16);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return (Encoding.UTF8.GetString(bytes), $"flip {flips} bytes");
            case 2:
                var lines = text.Split('\n').ToList();
                var removed = 1 + random.Next(5);
                for (var i = 0; i < removed && lines.Count > 1; i++)
                {
                    lines.RemoveAt(random.Next(lines.Count));
                }

                return (string.Join('\n', lines), $"delete {removed} lines");
            default:
                var at = text.IndexOf("$ref", random.Next(text.Length), StringComparison.Ordinal);
                if (at < 0)
                {
                    at = text.IndexOf("$ref", StringComparison.Ordinal);
                }

                var end = text.IndexOf('\n', at);
                var broken = text[..at] + "$ref: \"#/components/schemas/Missing" + random.Next(1000) + "\"" + (end < 0 ? string.Empty : text[end..]);
                return (broken, "break a $ref in the text");
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }

    private static readonly string[] SchemaKeys = ["type", "properties", "items", "required", "allOf", "oneOf", "anyOf", "enum", "nullable", "discriminator", "additionalProperties", "schema", "parameters", "responses", "in", "name", "openapi", "paths", "components", "info"];

    private static string DeleteKey(List<JsonNode> nodes, Random random, bool preferSchemaKeys = false)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (nodes[random.Next(nodes.Count)] is not JsonObject { Count: > 0 } target)
            {
                continue;
            }

            var keys = target.Select(p => p.Key).ToList();
            var candidates = preferSchemaKeys ? keys.Where(SchemaKeys.Contains).ToList() : keys;
            if (candidates.Count == 0)
            {
                continue;
            }

            var key = candidates[random.Next(candidates.Count)];
            target.Remove(key);
            return $"delete '{key}' at {target.GetPath()}";
        }

        return "delete nothing";
    }

    private static string WrongType(List<JsonNode> nodes, Random random)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (nodes[random.Next(nodes.Count)] is JsonObject { Count: > 0 } obj)
            {
                var keys = obj.Select(p => p.Key).ToList();
                var key = keys[random.Next(keys.Count)];
                JsonNode? replacement = random.Next(6) switch
                {
                    0 => JsonValue.Create(12345),
                    1 => JsonValue.Create("not-what-you-expect"),
                    2 => new JsonArray(JsonValue.Create(1), JsonValue.Create("two")),
                    3 => new JsonObject { ["unexpected"] = true },
                    4 => JsonValue.Create(false),
                    _ => null,
                };
                obj[key] = replacement;
                return $"retype '{key}' at {obj.GetPath()} to {replacement?.GetValueKind().ToString() ?? "null"}";
            }
        }

        return "retype nothing";
    }

    private static string BreakReference(List<JsonNode> nodes, Random random)
    {
        var references = nodes.OfType<JsonObject>().Where(o => o.ContainsKey("$ref")).ToList();
        if (references.Count == 0)
        {
            return "break no reference";
        }

        var target = references[random.Next(references.Count)];
        string[] brokenForms = ["#/components/schemas/DoesNotExist", "#/nowhere", "other.yml#/components/schemas/User", "", "#/components/schemas/", "#/paths"];
        var form = brokenForms[random.Next(brokenForms.Length)];
        target["$ref"] = form;
        return $"ref '{form}' at {target.GetPath()}";
    }
}
