using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;

namespace ExpenseTracker.Web.StaticAssets;

public static class StaticAssetsExtensions
{
    public const string FolderName = "wwwroot-static";

    public static IServiceCollection AddStaticAssets(this IServiceCollection services)
    {
        services.AddOptions<StaticAssetOptions>().BindConfiguration(StaticAssetOptions.Section);
        services.AddSingleton<AssetUrls>();
        // Bootstrap's CSS is 232 KB as written and 31 KB compressed: on a phone's connection that is most of the first
        // paint. Only the assets are compressed (see UseStaticAssetFolder), so https is safe: they hold no secret.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Serves wwwroot-static under the asset prefix, compressed, unless a CDN does that (CloudFront compresses them
    /// itself). Pages are never compressed: a compressed page that holds the antiforgery token beside text a visitor
    /// can choose would leak the token to an attacker who measures sizes (BREACH). A published app carries the folder
    /// (the project file copies it); without one the app still starts and serves its pages, and says in one log line
    /// that their CSS and JavaScript are missing and how to fix that.
    /// </summary>
    public static WebApplication UseStaticAssetFolder(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StaticAssetOptions>>().Value;
        if (!options.Serve)
        {
            return app;
        }

        var candidates = Candidates(options, app.Environment.ContentRootPath);
        if (candidates.FirstOrDefault(Directory.Exists) is not { } folder)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaticAssetOptions).FullName!).LogWarning(
                "No {Folder} folder at {Candidates}, so pages are served without their CSS and JavaScript. Publish the app with the folder, " +
                "set StaticAssets:Folder to where it is, or set StaticAssets:Serve=false when a CDN serves it.",
                FolderName, string.Join(" or ", candidates));
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(options.BaseUrl), assets => assets.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = options.BaseUrl });
        return app;
    }

    /// <summary>The configured folder, or wwwroot-static beside the app (published), one level up (the repository) or beside the binaries.</summary>
    private static string[] Candidates(StaticAssetOptions options, string contentRoot) =>
        options.Folder is { Length: > 0 } configured
            ? [Path.GetFullPath(configured, contentRoot)]
            : [.. new[] { Path.Combine(contentRoot, FolderName), Path.Combine(contentRoot, "..", FolderName), Path.Combine(AppContext.BaseDirectory, FolderName) }
                .Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
}

/// <summary>Builds asset URLs for pages, so that no page writes the prefix itself.</summary>
public sealed class AssetUrls(IOptions<StaticAssetOptions> options)
{
    public string this[string path] => $"{options.Value.BaseUrl}/{path}";
}
