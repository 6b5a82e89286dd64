namespace ExpenseTracker.Web.Expenses;

/// <summary>
/// What an empty account is shown instead of an empty table: add an expense, import a statement, set a budget. The
/// import page belongs to another feature (import and export); it is linked once a page of the app answers at /import
/// (or a path below it), and until then the step is described without a link, so the first run never leads nowhere.
/// </summary>
public sealed class FirstRun(EndpointDataSource endpoints)
{
    private string? importPath;
    private bool looked;

    /// <summary>The import page's path, or null while the app has none.</summary>
    public string? ImportPath
    {
        get
        {
            // The routes do not change while the app runs: looked up once.
            if (!looked)
            {
                importPath = endpoints.Endpoints.OfType<RouteEndpoint>()
                    .Where(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                    .Select(endpoint => "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/'))
                    .Where(path => !path.Contains('{', StringComparison.Ordinal)
                        && path.StartsWith("/import", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(path => path.Length)
                    .FirstOrDefault();
                looked = true;
            }

            return importPath;
        }
    }
}
