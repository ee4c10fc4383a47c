using System.Reflection;
using Clerk.Generated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Generated.Generator.Tests;

/// <summary>
/// The generated interfaces as application code uses them: code that depends on <c>IUsersApi</c> is tested with an
/// NSubstitute stub or a hand-written fake, and <c>AddClerkClient</c> resolves <c>IClerkClient</c> and each group's
/// interface. The consumer code below is compiled together with the generated code (warnings as errors) and run.
/// </summary>
public sealed class MockableClientTests
{
    private const string ConsumerSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Fixtures.Pagination;
        using Microsoft.Extensions.DependencyInjection;
        using NSubstitute;

        namespace Consumer;

        /// <summary>Application code: depends on the group's interface only.</summary>
        public sealed class UserDirectory(IUsersApi users)
        {
            /// <summary>The first user's id.</summary>
            public async Task<string> FirstIdAsync()
            {
                var list = await users.ListAsync(limit: 1);
                return list[0].Id;
            }

            /// <summary>Every user's id, across pages.</summary>
            public async Task<string> AllIdsAsync()
            {
                var ids = new List<string>();
                await foreach (var user in users.ListAllAsync())
                {
                    ids.Add(user.Id);
                }

                return string.Join(",", ids);
            }
        }

        /// <summary>A fake written by hand: the interface is implementable without the generated class.</summary>
        public sealed class FakeUsers : IUsersApi
        {
            /// <inheritdoc />
            public Task<IReadOnlyList<User>> ListAsync(
                long? limit = null,
                long? offset = null,
                IReadOnlyList<string>? emailAddress = null,
                IReadOnlyList<long>? lastActiveAtSince = null,
                IReadOnlyList<GetUserListStatusItem>? status = null,
                IReadOnlyList<bool>? verified = null,
                CancellationToken cancellationToken = default) =>
                Task.FromResult<IReadOnlyList<User>>(new[] { new User { Id = "user_fake" } });

            /// <inheritdoc />
            public async IAsyncEnumerable<User> ListAllAsync(
                IReadOnlyList<string>? emailAddress = null,
                IReadOnlyList<long>? lastActiveAtSince = null,
                IReadOnlyList<GetUserListStatusItem>? status = null,
                IReadOnlyList<bool>? verified = null,
                long pageSize = 100,
                [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Yield();
                yield return new User { Id = "user_a" };
                yield return new User { Id = "user_b" };
            }
        }

        /// <summary>What the test calls.</summary>
        public static class Checks
        {
            /// <summary>An NSubstitute stub of the group answers the application code.</summary>
            public static string Stubbed()
            {
                var users = Substitute.For<IUsersApi>();
                users.ListAsync(limit: 1).Returns(Task.FromResult<IReadOnlyList<User>>(new[] { new User { Id = "user_stub" } }));
                return new UserDirectory(users).FirstIdAsync().GetAwaiter().GetResult();
            }

            /// <summary>A stubbed client hands out stubbed groups.</summary>
            public static string StubbedClient()
            {
                var client = Substitute.For<IClerkClient>();
                var users = Substitute.For<IUsersApi>();
                users.ListAsync(limit: 1).Returns(Task.FromResult<IReadOnlyList<User>>(new[] { new User { Id = "user_via_client" } }));
                client.Users.Returns(users);
                return new UserDirectory(client.Users).FirstIdAsync().GetAwaiter().GetResult();
            }

            /// <summary>The hand-written fake, through the paging companion.</summary>
            public static string Faked() => new UserDirectory(new FakeUsers()).AllIdsAsync().GetAwaiter().GetResult();

            /// <summary>The interfaces AddClerkClient registers, and the types that answer them.</summary>
            public static string Resolved()
            {
                var services = new ServiceCollection();
                services.AddClerkClient(options => options.SecretKey = "sk_test_mockable");
                using var provider = services.BuildServiceProvider();
                var client = provider.GetRequiredService<IClerkClient>();
                var users = provider.GetRequiredService<IUsersApi>();
                var organizations = provider.GetRequiredService<IOrganizationsApi>();
                var directory = ActivatorUtilities.CreateInstance<UserDirectory>(provider);
                return string.Join(",", client.GetType().Name, users.GetType().Name, organizations.GetType().Name, directory.GetType().Name);
            }
        }
        """;

    private static readonly Lazy<Type> Checks = new(CompileChecks);

    [Test]
    public void A_stubbed_group_interface_answers_application_code() =>
        Assert.That(Invoke("Stubbed"), Is.EqualTo("user_stub"));

    [Test]
    public void A_stubbed_client_interface_hands_out_stubbed_groups() =>
        Assert.That(Invoke("StubbedClient"), Is.EqualTo("user_via_client"));

    [Test]
    public void A_hand_written_fake_implements_the_group_interface_with_its_paging_companion() =>
        Assert.That(Invoke("Faked"), Is.EqualTo("user_a,user_b"));

    [Test]
    public void AddClerkClient_resolves_the_client_and_group_interfaces_to_the_generated_classes() =>
        Assert.That(Invoke("Resolved"), Is.EqualTo("ClerkClient,UsersApi,OrganizationsApi,UserDirectory"));

    [Test]
    public void Every_public_method_of_a_group_class_is_declared_on_its_interface()
    {
        var assembly = Checks.Value.Assembly;
        foreach (var (className, interfaceName) in new[] { ("UsersApi", "IUsersApi"), ("OrganizationsApi", "IOrganizationsApi") })
        {
            var type = assembly.GetType("Fixtures.Pagination." + className)!;
            var contract = assembly.GetType("Fixtures.Pagination." + interfaceName)!;
            var map = type.GetInterfaceMap(contract);
            var mapped = map.TargetMethods.Select(m => m.ToString()).Order(StringComparer.Ordinal);
            var declared = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.ToString()).Order(StringComparer.Ordinal);
            Assert.That(mapped, Is.EqualTo(declared), className);
        }
    }

    private static string Invoke(string method) =>
        (string)Checks.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

    /// <summary>
    /// Compiles the consumer with the generated code and loads it into the default context (NSubstitute's proxies
    /// cannot derive from types of a collectible one).
    /// </summary>
    private static Type CompileChecks()
    {
        var references = new[] { typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection), typeof(NSubstitute.Substitute), typeof(Castle.DynamicProxy.ProxyGenerator) }
            .Select(t => MetadataReference.CreateFromFile(t.Assembly.Location));
        var compilation = GeneratorHarness.CreateCompilation(ConsumerSource, "MockableConsumer").AddReferences(references);
        var driver = GeneratorHarness.CreateDriver(new[] { SpecItem.Fixture("pagination.yml", @namespace: "Fixtures.Pagination") }, trackSteps: false);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToList();
        Assert.That(problems, Is.Empty, "the consumer and the generated code compile without warnings");

        return GeneratorHarness.EmitAndLoad((CSharpCompilation)output, "Consumer.Checks");
    }
}
