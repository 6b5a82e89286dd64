using ExpenseTracker.Web.Hosting;

namespace ExpenseTracker.Web.ImportExport;

/// <summary>
/// The body limit of the endpoints that take a statement or a backup: the configured upload size
/// (<see cref="ImportExportOptions.MaxUploadBytes"/>) and what a form carries around the file.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute() : RequestBodyLimitAttribute(0)
{
    public override long BytesFor(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ImportExportOptions>>().Value.MaxUploadBytes + Uploads.FormOverhead;
}
