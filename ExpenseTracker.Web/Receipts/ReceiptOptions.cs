using ExpenseTracker.Web.Storage.Sqlite;

namespace ExpenseTracker.Web.Receipts;

public enum ReceiptFilesProvider
{
    Folder,
    S3,
}

/// <summary>The "Receipts" configuration section: where receipt files are kept, and how long set-aside files wait.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary><c>Folder</c> on a laptop; <c>S3</c> in AWS, where browsers upload straight to the bucket.</summary>
    public ReceiptFilesProvider Provider { get; set; } = ReceiptFilesProvider.Folder;

    public FolderSettings Folder { get; set; } = new();

    public S3Settings S3 { get; set; } = new();

    /// <summary>How long the files of a deleted expense wait, so that undoing the delete brings them back.</summary>
    public TimeSpan DetachedGracePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an upload may wait for its expense to be saved before the sweep removes it.</summary>
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The folder: the configured one, or "receipts" beside the SQLite database.</summary>
    public string ResolveFolder(SqliteStorageOptions sqlite) =>
        Folder.Path is { Length: > 0 } path
            ? System.IO.Path.GetFullPath(path)
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(sqlite.ResolvePath())!, "receipts");

    public sealed class FolderSettings
    {
        /// <summary>Empty means a "receipts" folder beside the SQLite database file.</summary>
        public string Path { get; set; } = "";
    }

    public sealed class S3Settings
    {
        public string BucketName { get; set; } = "";

        /// <summary>The AWS region, e.g. "ap-south-1". Empty means the SDK's own lookup (AWS_REGION, set in Lambda).</summary>
        public string Region { get; set; } = "";

        /// <summary>
        /// Another S3-compatible endpoint (s3rver in the tests, "http://127.0.0.1:4568"), addressed path-style; without
        /// AWS_ACCESS_KEY_ID the app then signs with s3rver's built-in key.
        /// </summary>
        public string ServiceUrl { get; set; } = "";
    }
}
