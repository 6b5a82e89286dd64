namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// The repository's root folder, found by walking up from the test binary to the folder holding ExpenseTracker.sln,
/// so that tests find node_modules and write artifacts wherever the repository is cloned.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ExpenseTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds ExpenseTracker.sln.");
    }
}
