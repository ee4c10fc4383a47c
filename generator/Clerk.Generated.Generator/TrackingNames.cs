namespace Clerk.Generated.Generator;

/// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string SpecInput = nameof(SpecInput);
    public const string SpecModel = nameof(SpecModel);
    public const string Types = nameof(Types);
    public const string Groups = nameof(Groups);
    public const string JsonContext = nameof(JsonContext);
    public const string Client = nameof(Client);
    public const string ServiceRegistration = nameof(ServiceRegistration);
    public const string Endpoints = nameof(Endpoints);
    public const string WebhookEvents = nameof(WebhookEvents);
    public const string Diagnostics = nameof(Diagnostics);
}
