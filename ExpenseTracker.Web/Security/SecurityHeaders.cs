using ExpenseTracker.Web.StaticAssets;

namespace ExpenseTracker.Web.Security;

/// <summary>
/// The headers every response carries. The Content-Security-Policy allows scripts and styles only from files (no inline
/// script, no style attributes), so injected markup cannot run; the only other origin it names is the static asset CDN,
/// when StaticAssets:BaseUrl is an absolute URL.
/// </summary>
public sealed class SecurityHeaders
{
    public SecurityHeaders(IOptions<StaticAssetOptions> assets)
    {
        var assetOrigin = AssetOrigin(assets.Value.BaseUrl);
        var self = assetOrigin is null ? "'self'" : $"'self' {assetOrigin}";
        ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            $"script-src {self}",
            $"style-src {self}",
            $"img-src {self} data:",
            $"font-src {self}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    public string ContentSecurityPolicy { get; }

    public void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }

    /// <summary>"https://cdn.example.com" for an absolute asset URL; null when assets come from the app's own origin.</summary>
    public static string? AssetOrigin(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url.GetLeftPart(UriPartial.Authority)
            : null;
}
