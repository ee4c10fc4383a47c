using Clerk.Generated.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Clerk.Sample.Pages;

/// <summary>
/// The sample app: Razor Pages authenticated from Clerk's cookies (<c>__session</c>, <c>__client_uat</c>), with the
/// handshake on, and a JSON API beside them that answers 401 and never redirects. With no Clerk credentials and the
/// Development environment, the development stand-in for the frontend API (<see cref="DevelopmentFrontendApi"/>)
/// signs users in.
/// </summary>
public static class PagesSample
{
    /// <summary>Builds the app from command-line arguments (<c>--urls</c>, <c>--environment</c>, configuration).</summary>
    public static WebApplication Build(string[] args)
    {
        // The application name locates the compiled pages, also when a test host builds the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(PagesSample).Assembly.GetName().Name });
        var settings = PagesClerkSettings.Read(builder.Configuration, builder.Environment);
        var standIn = settings.UsesDevelopmentStandIn ? new DevelopmentFrontendApi() : null;
        if (standIn is not null)
        {
            builder.Services.AddSingleton(standIn);
        }

        builder.Services.AddRazorPages();
        builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(o =>
        {
            settings.Apply(o);
            standIn?.Apply(o);
            // A signed-out visitor of a protected page goes to the home page (which offers the sign-in link) rather
            // than a 401 body; API routes keep the 401.
            o.Events.OnChallenge = context =>
            {
                if (!context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.Redirect("/?signed_out=1");
                    context.HandleResponse();
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        if (standIn is not null)
        {
            // Clerk's frontend API lives on another origin; the stand-in shares this one, so it answers before the
            // app's authentication (else its handshake endpoint would itself be sent to the handshake).
            app.MapWhen(context => DevelopmentFrontendApi.Serves(context.Request), branch => branch.Run(standIn.HandleAsync));
        }

        app.UseAuthentication();

        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/api/me", (HttpContext context) => new MeResponse(context.User.FindFirst(ClerkClaimTypes.UserId)?.Value))
            .RequireAuthorization();

        if (standIn is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                standIn.Start(new Uri(address));
                app.Logger.LogWarning(
                    "No Clerk credentials configured: signing in through the development stand-in for Clerk's frontend API at {StandIn}, with the public development key. Set CLERK_SECRET_KEY and CLERK_PUBLISHABLE_KEY for a real instance.",
                    standIn.BaseUrl);
                Console.WriteLine($"""

                    Open {address}/ in a browser: "Sign in (development)" goes through the stand-in frontend API and the handshake.

                    """);
            });
        }

        return app;
    }
}

/// <summary>The body of <c>GET /api/me</c>.</summary>
public sealed record MeResponse(string? UserId);
