using Microsoft.Extensions.FileProviders;

namespace ExpenseTracker.Web.StaticAssets;

public static class StaticAssetsExtensions
{
    public const string FolderName = "wwwroot-static";

    public static IServiceCollection AddStaticAssets(this IServiceCollection services)
    {
        services.AddOptions<StaticAssetOptions>().BindConfiguration(StaticAssetOptions.Section);
        services.AddSingleton<AssetUrls>();
        return services;
    }

    /// <summary>Serves wwwroot-static under the asset prefix, unless a CDN does that.</summary>
    public static WebApplication UseStaticAssetFolder(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StaticAssetOptions>>().Value;
        if (options.Serve)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(FindFolder(options, app.Environment.ContentRootPath)),
                RequestPath = options.BaseUrl,
            });
        }

        return app;
    }

    private static string FindFolder(StaticAssetOptions options, string contentRoot)
    {
        string[] candidates = options.Folder is { Length: > 0 } configured
            ? [Path.GetFullPath(configured, contentRoot)]
            : [Path.Combine(contentRoot, FolderName), Path.Combine(contentRoot, "..", FolderName), Path.Combine(AppContext.BaseDirectory, FolderName)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"No {FolderName} folder at {string.Join(" or ", candidates)}; set StaticAssets:Folder.");
    }
}

/// <summary>Builds asset URLs for pages, so that no page writes the prefix itself.</summary>
public sealed class AssetUrls(IOptions<StaticAssetOptions> options)
{
    public string this[string path] => $"{options.Value.BaseUrl}/{path}";
}
