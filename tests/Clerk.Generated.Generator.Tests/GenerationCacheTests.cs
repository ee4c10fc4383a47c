using Clerk.Generated.Generator.Caching;
using Clerk.Generated.Generator.Model;
using Clerk.Generated.Generator.Parsing;
using Clerk.Generated.Generator.Tests.Support;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// The cache that spares a new driver (a command-line build on a running compiler server) parsing and emitting an
/// unchanged spec: it must hit for equal inputs, miss for any changed setting, and never hold more than its bound.
/// </summary>
public sealed class GenerationCacheTests
{
    private static readonly string FixturePath = Path.Combine(RepositoryPaths.FixturesDir, "open-enums.yml");

    [SetUp]
    public void ClearCache() => GenerationCache.Clear();

    [TearDown]
    public void ClearAfter() => GenerationCache.Clear();

    private static SpecInput Input(string? @namespace = "Cache.Tests", string? text = null) =>
        new(FixturePath, text ?? File.ReadAllText(FixturePath), SpecKind.Api, "true", @namespace, null, null);

    [Test]
    public void An_equal_spec_text_hits_and_returns_the_same_model()
    {
        var first = GenerationCache.GetOrParse(Input(), CancellationToken.None);

        // A different string instance with the same content, as a new driver reads it from disk.
        var second = GenerationCache.GetOrParse(Input(text: new string(File.ReadAllText(FixturePath).ToCharArray())), CancellationToken.None);

        Assert.That(second, Is.SameAs(first));
        Assert.That(GenerationCache.Count, Is.EqualTo(1));
    }

    [Test]
    public void Emitted_sources_are_served_from_the_spec_entry()
    {
        var model = GenerationCache.GetOrParse(Input(), CancellationToken.None);
        var type = model.Types[0];
        var emitted = 0;

        var first = GenerationCache.GetOrEmit(type, "type", t => { emitted++; return "source of " + t.Name; });
        var again = GenerationCache.GetOrParse(Input(), CancellationToken.None).Types[0];
        var second = GenerationCache.GetOrEmit(again, "type", t => { emitted++; return "other"; });

        Assert.That(emitted, Is.EqualTo(1));
        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void Derived_models_are_the_same_instance_for_a_cached_spec()
    {
        var model = GenerationCache.GetOrParse(Input(), CancellationToken.None);

        var first = GenerationCache.Derive(model, EndpointsModel.Of);
        var second = GenerationCache.Derive(GenerationCache.GetOrParse(Input(), CancellationToken.None), EndpointsModel.Of);

        Assert.That(second, Is.SameAs(first));
    }

    [Test]
    public void Sources_of_a_model_not_in_the_cache_are_emitted_every_time()
    {
        var model = SpecParser.Parse(Input(), CancellationToken.None);
        var emitted = 0;

        GenerationCache.GetOrEmit(model.Types[0], "type", _ => (++emitted).ToString());
        GenerationCache.GetOrEmit(model.Types[0], "type", _ => (++emitted).ToString());

        Assert.That(emitted, Is.EqualTo(2));
    }

    [Test]
    public void The_cache_holds_at_most_its_capacity_and_evicts_the_least_recently_used()
    {
        var first = GenerationCache.GetOrParse(Input("Cache.Spec0"), CancellationToken.None);
        var firstType = first.Types[0];
        GenerationCache.GetOrEmit(firstType, "type", _ => "source");
        for (var i = 1; i <= GenerationCache.Capacity; i++)
        {
            GenerationCache.GetOrParse(Input("Cache.Spec" + i), CancellationToken.None);
        }

        Assert.That(GenerationCache.Count, Is.EqualTo(GenerationCache.Capacity));
        var reparsed = GenerationCache.GetOrParse(Input("Cache.Spec0"), CancellationToken.None);
        Assert.That(reparsed, Is.Not.SameAs(first), "the oldest spec was evicted, so it is parsed again");
        Assert.That(reparsed, Is.EqualTo(first));
        var emitted = false;
        GenerationCache.GetOrEmit(firstType, "type", _ => { emitted = true; return "again"; });
        Assert.That(emitted, Is.True, "an evicted spec's sources leave with it");
        Assert.That(GenerationCache.Count, Is.EqualTo(GenerationCache.Capacity));
    }

    [Test]
    public void A_recently_used_spec_survives_eviction()
    {
        var kept = GenerationCache.GetOrParse(Input("Cache.Kept"), CancellationToken.None);
        for (var i = 0; i < GenerationCache.Capacity * 2; i++)
        {
            GenerationCache.GetOrParse(Input("Cache.Other" + i), CancellationToken.None);
            Assert.That(GenerationCache.GetOrParse(Input("Cache.Kept"), CancellationToken.None), Is.SameAs(kept));
        }
    }

    [Test]
    public void The_key_is_a_sha256_of_text_and_every_setting()
    {
        var input = Input();
        var key = SpecKey.Of(input);

        Assert.That(key, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(SpecKey.Of(input with { Text = new string(input.Text.ToCharArray()) }), Is.EqualTo(key));
        var variants = new[]
        {
            input with { Text = input.Text + " " },
            input with { Path = input.Path + ".copy" },
            input with { Kind = SpecKind.Webhooks },
            input with { ClerkSpec = "bapi" },
            input with { Namespace = "Other" },
            input with { Namespace = null },
            input with { TypeVisibility = "internal" },
            input with { Tags = "Users" },
        };
        Assert.That(variants.Select(SpecKey.Of), Has.None.EqualTo(key));
        Assert.That(variants.Select(SpecKey.Of).Distinct().Count(), Is.EqualTo(variants.Length));
    }
}
