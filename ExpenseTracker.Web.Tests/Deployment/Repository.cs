namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>Files of the repository the tests run from (template.yaml, the scripts, the app's project).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExpenseTracker.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ExpenseTracker.sln above {AppContext.BaseDirectory}.");
    }
}
