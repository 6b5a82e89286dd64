using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ExpenseTracker.Web.Hosting;

public static class HealthEndpointExtensions
{
    /// <summary>The readiness path the Lambda Web Adapter polls before it passes the first request (AWS_LWA_READINESS_CHECK_PATH).</summary>
    public const string Path = "/healthz";

    /// <summary>Liveness: the process answers at all. It runs no check and touches no store, so it is also the benchmark's ceiling.</summary>
    public const string LivePath = "/healthz/live";

    /// <summary>Health checks; each store provider adds the check that it can reach its data.</summary>
    public static IServiceCollection AddHealthEndpoint(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    /// <summary>200 "Healthy" or 503 "Unhealthy", with no details that could leak configuration.</summary>
    public static WebApplication MapHealthEndpoint(this WebApplication app)
    {
        // Open to anyone, also once sign-in exists: the adapter calls it without a session.
        app.MapHealthChecks(Path).AllowAnonymous();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        return app;
    }
}
