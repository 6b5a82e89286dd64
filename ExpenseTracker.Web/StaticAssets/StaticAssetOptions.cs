namespace ExpenseTracker.Web.StaticAssets;

/// <summary>
/// Where pages load CSS and JavaScript from. Locally the app serves wwwroot-static itself under <see cref="BaseUrl"/>;
/// in AWS the same folder is uploaded to S3 and CloudFront serves it under the same prefix.
/// </summary>
public sealed class StaticAssetOptions
{
    public const string Section = "StaticAssets";

    /// <summary>The URL prefix of every asset, without a trailing slash.</summary>
    public string BaseUrl { get; set; } = "/static";

    /// <summary>The folder to serve. Empty means wwwroot-static beside the app or one level up (the repository root).</summary>
    public string Folder { get; set; } = "";

    /// <summary>Whether the app serves the folder itself (false when a CDN serves it).</summary>
    public bool Serve { get; set; } = true;
}
