using Microsoft.AspNetCore.HttpOverrides;

namespace ExpenseTracker.Web.Hosting;

public static class ProxyHeadersExtensions
{
    /// <summary>
    /// The viewer's IP, the public host name and the number of proxies in front of Kestrel in AWS: CloudFront appends
    /// the viewer's address to X-Forwarded-For and API Gateway appends CloudFront's, so the viewer is the second
    /// entry from the right. Anything further left was sent by the client and is not believed.
    /// </summary>
    public const int ProxyHops = 2;

    /// <summary>Lets the app see https and the public host name when it runs behind CloudFront and API Gateway.</summary>
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The peer Kestrel sees is the Web Adapter on loopback, and the hops before it are CloudFront edges and
            // API Gateway, whose addresses are many and change. So no address list is checked; what keeps forged
            // headers out is that this runs only with Hosting:BehindProxy (set by template.yaml alone) and believes
            // at most ProxyHops entries from the right.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = ProxyHops;
        });
        // Cookies (antiforgery now, sign-in later) are Secure whenever the viewer used https.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        if (HostingOptions.From(app.Configuration).BehindProxy)
        {
            app.UseForwardedHeaders();
        }

        app.UseCookiePolicy();
        return app;
    }
}
