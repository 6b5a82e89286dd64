using ExpenseTracker.Web.StaticAssets;

namespace ExpenseTracker.Web.Security;

/// <summary>
/// The headers every response carries. The Content-Security-Policy allows scripts and styles only from files (no inline
/// script, no style attributes), so injected markup cannot run; the only other origin it names is the static asset CDN,
/// when StaticAssets:BaseUrl is an absolute URL, and the file store that browsers upload to and read from directly
/// (<see cref="ContentSecurityOptions.FileOrigins"/>: S3, for receipts), for fetches and images only.
/// </summary>
public sealed class SecurityHeaders
{
    /// <summary>
    /// For a file a person uploaded, answered from the app's own origin: nothing in it may load or run anything
    /// (sandboxed: no script, no plugin, its own opaque origin), whatever a browser takes it for.
    /// </summary>
    public const string UploadedFilePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private static readonly object UploadedFileMark = new();

    public SecurityHeaders(IOptions<StaticAssetOptions> assets, IOptions<ContentSecurityOptions> sources)
    {
        var assetOrigin = AssetOrigin(assets.Value.BaseUrl);
        var self = assetOrigin is null ? "'self'" : $"'self' {assetOrigin}";
        var files = string.Concat(sources.Value.FileOrigins.Distinct().Select(origin => " " + origin));
        ContentSecurityPolicy = string.Join("; ", new[]
        {
            "default-src 'self'",
            $"script-src {self}",
            $"style-src {self}",
            $"img-src {self} data:{files}",
            files.Length > 0 ? $"connect-src 'self'{files}" : null,
            $"font-src {self}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        }.OfType<string>());
    }

    public string ContentSecurityPolicy { get; }

    /// <summary>Answers this response with <see cref="UploadedFilePolicy"/> instead of the pages' policy.</summary>
    public static void MarkUploadedFile(HttpContext context) => context.Items[UploadedFileMark] = true;

    public void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Items.ContainsKey(UploadedFileMark) ? UploadedFilePolicy : ContentSecurityPolicy;
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

/// <summary>Origins other than the app's own that pages fetch from and show images of: a feature adds its file store's.</summary>
public sealed class ContentSecurityOptions
{
    public List<string> FileOrigins { get; } = [];
}
