namespace Clerk.Generated.Webhooks.Tests.Events;

public sealed class ClerkWebhookDispatcherTests
{
    private static readonly IServiceProvider NoServices = new EmptyServices();

    private static ClerkWebhookEnvelope Envelope(string type, string data = """{"id":"user_1"}""")
        => ClerkWebhookEnvelope.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","object":"event","data":{{data}}}"""));

    [Test]
    public async Task Runs_type_handlers_in_registration_order_then_catch_all_handlers()
    {
        var log = new List<string>();
        var dispatcher = new ClerkWebhookHandlers()
            .OnAny((ClerkWebhookEvent e, CancellationToken _) => Record(log, "any:" + e.Type))
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => Record(log, "first"))
            .On("user.deleted", (ClerkWebhookEvent _, CancellationToken _) => Record(log, "other type"))
            .On("user.created", (ClerkWebhookEvent _, IServiceProvider _, CancellationToken _) => Record(log, "second"))
            .OnUnhandled((ClerkWebhookEvent _, CancellationToken _) => Record(log, "unhandled"))
            .Build();

        var result = await dispatcher.DispatchAsync(Envelope("user.created"), NoServices);

        Assert.That(log, Is.EqualTo(new[] { "first", "second", "any:user.created" }));
        Assert.That(result, Is.EqualTo(new ClerkWebhookDispatchResult("user.created", 3, MatchedType: true)));
        Assert.That(dispatcher.EventTypes, Is.EquivalentTo(new[] { "user.created", "user.deleted" }));
    }

    [Test]
    public async Task Sends_types_without_handlers_to_the_unhandled_handler_as_unknown_events()
    {
        ClerkWebhookEvent? seen = null;
        var dispatcher = new ClerkWebhookHandlers()
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask)
            .OnUnhandled((ClerkWebhookEvent e, CancellationToken _) =>
            {
                seen = e;
                return Task.CompletedTask;
            })
            .Build();

        var result = await dispatcher.DispatchAsync(Envelope("organization.created"), NoServices);

        Assert.That(seen, Is.InstanceOf<UnknownClerkWebhookEvent>());
        Assert.That(result, Is.EqualTo(new ClerkWebhookDispatchResult("organization.created", 1, MatchedType: false)));
    }

    [Test]
    public async Task Matches_event_types_exactly()
    {
        var calls = 0;
        var dispatcher = new ClerkWebhookHandlers()
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) =>
            {
                calls++;
                return Task.CompletedTask;
            })
            .Build();

        var result = await dispatcher.DispatchAsync(Envelope("User.Created"), NoServices);

        Assert.That(calls, Is.Zero);
        Assert.That(result.HandlersRun, Is.Zero);
    }

    [Test]
    public void Stops_at_the_first_failing_handler_and_lets_its_exception_through()
    {
        var log = new List<string>();
        var dispatcher = new ClerkWebhookHandlers()
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new TimeoutException("db"))
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => Record(log, "never"))
            .OnAny((ClerkWebhookEvent _, CancellationToken _) => Record(log, "never either"))
            .Build();

        Assert.ThrowsAsync<TimeoutException>(() => dispatcher.DispatchAsync(Envelope("user.created"), NoServices));
        Assert.That(log, Is.Empty);
    }

    [Test]
    public async Task Builds_typed_events_with_the_registered_factory_and_reports_a_misfit_as_a_payload_error()
    {
        UserCreated? typed = null;
        var dispatcher = new ClerkWebhookHandlers()
            .On("user.created", UserCreated.Create, (UserCreated e, CancellationToken _) =>
            {
                typed = e;
                return Task.CompletedTask;
            })
            .Build();

        await dispatcher.DispatchAsync(Envelope("user.created"), NoServices);
        Assert.That(typed!.Data, Is.EqualTo("user_1"));

        var error = Assert.ThrowsAsync<ClerkWebhookPayloadException>(
            () => dispatcher.DispatchAsync(Envelope("user.created", """{"id":42}"""), NoServices));
        Assert.That(error!.Message, Does.Contain("'user.created' payload does not fit UserCreated"));
        Assert.That(error.InnerException, Is.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task A_resolver_gives_untyped_handlers_typed_events_and_unknown_types_stay_raw()
    {
        var seen = new List<ClerkWebhookEvent>();
        var dispatcher = new ClerkWebhookHandlers()
            .UseEventResolver(envelope => envelope.Type switch
            {
                "user.created" => UserCreated.Create(envelope),
                _ => null,
            })
            .OnAny((ClerkWebhookEvent e, CancellationToken _) =>
            {
                seen.Add(e);
                return Task.CompletedTask;
            })
            .Build();

        await dispatcher.DispatchAsync(Envelope("user.created"), NoServices);
        await dispatcher.DispatchAsync(Envelope("brand.new"), NoServices);

        Assert.That(seen[0], Is.InstanceOf<UserCreated>());
        Assert.That(seen[1], Is.InstanceOf<UnknownClerkWebhookEvent>());
    }

    [Test]
    public async Task Builds_the_event_once_per_dispatch_when_the_resolver_already_made_the_typed_one()
    {
        var built = 0;
        UserCreated Build(ClerkWebhookEnvelope envelope)
        {
            built++;
            return UserCreated.Create(envelope);
        }

        var dispatcher = new ClerkWebhookHandlers()
            .UseEventResolver(Build)
            .On("user.created", Build, (UserCreated _, CancellationToken _) => Task.CompletedTask)
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask)
            .On("user.created", Build, (UserCreated _, CancellationToken _) => Task.CompletedTask)
            .OnAny((ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask)
            .Build();

        await dispatcher.DispatchAsync(Envelope("user.created"), NoServices);

        Assert.That(built, Is.EqualTo(1));
    }

    [Test]
    public async Task Is_frozen_when_built()
    {
        var handlers = new ClerkWebhookHandlers();
        var dispatcher = handlers.Build();
        handlers.On("user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new AssertionException("added after Build"));

        var result = await dispatcher.DispatchAsync(Envelope("user.created"), NoServices);

        Assert.That(result.MatchedType, Is.False);
    }

    [Test]
    public void Honours_cancellation_between_handlers()
    {
        using var cancel = new CancellationTokenSource();
        var dispatcher = new ClerkWebhookHandlers()
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) =>
            {
                cancel.Cancel();
                return Task.CompletedTask;
            })
            .On("user.created", (ClerkWebhookEvent _, CancellationToken _) => throw new AssertionException("ran after cancellation"))
            .Build();

        Assert.CatchAsync<OperationCanceledException>(() => dispatcher.DispatchAsync(Envelope("user.created"), NoServices, cancel.Token));
    }

    [Test]
    public void Refuses_blank_event_types()
    {
        Assert.Throws<ArgumentException>(() => new ClerkWebhookHandlers().On(" ", (ClerkWebhookEvent _, CancellationToken _) => Task.CompletedTask));
    }

    [Test]
    public void Events_render_their_type_and_message_id_but_not_their_data()
    {
        var envelope = ClerkWebhookEnvelope.Parse(
            """{"type":"user.created","data":{"email":"someone@example.com"}}"""u8, new ClerkWebhookDelivery("msg_9", DateTimeOffset.UnixEpoch));

        var text = new UnknownClerkWebhookEvent(envelope).ToString();

        Assert.That(text, Is.EqualTo("UnknownClerkWebhookEvent user.created (message msg_9)"));
    }

    private static Task Record(List<string> log, string entry)
    {
        log.Add(entry);
        return Task.CompletedTask;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class UserCreated : ClerkWebhookEvent<string>
    {
        private UserCreated(ClerkWebhookEnvelope envelope, string id)
            : base(envelope, id)
        {
        }

        public static UserCreated Create(ClerkWebhookEnvelope envelope)
            => new(envelope, envelope.Data.GetProperty("id").GetString()!);
    }
}
