using System.Text.RegularExpressions;
using ExpenseTracker.Web.Tests.Infrastructure;

namespace ExpenseTracker.Web.Tests.Architecture;

/// <summary>
/// The conventions of docs/architecture.md that a reader relies on to find their way, checked over the product's
/// source so that they do not wear away: provider code only in provider folders, small files, one htmx style.
/// </summary>
public sealed partial class LayoutTests
{
    private static readonly string Product = RepositoryRoot.Combine("ExpenseTracker.Web");

    [Fact]
    public void OnlyProviderFoldersUseSqliteDapperOrTheAwsSdk()
    {
        var leaks = SourceFiles("*.cs")
            .Where(file => !IsProviderCode(file))
            .SelectMany(file => ProviderLibrary().Matches(File.ReadAllText(file)).Select(match => $"{Relative(file)}: {match.Value}"))
            .ToList();

        Assert.Empty(leaks);
        Assert.Contains(SourceFiles("*.cs"), file => IsProviderCode(file) && ProviderLibrary().IsMatch(File.ReadAllText(file)));
    }

    [Fact]
    public void NoProductFileIsLongerThanThreeHundredLines()
    {
        var files = SourceFiles("*.cs").Concat(SourceFiles("*.cshtml")).ToList();

        var tooLong = files.Select(file => (File: Relative(file), Lines: File.ReadLines(file).Count())).Where(file => file.Lines > 300).ToList();

        Assert.Empty(tooLong);
        Assert.True(files.Count > 100, $"Only {files.Count} source files were found under {Product}.");
    }

    [Fact]
    public void NoPageCutsAFragmentOutOfAWholePageOrWritesAnHtmxUrlByHand()
    {
        var pages = SourceFiles("*.cshtml").Select(file => (File: Relative(file), Text: File.ReadAllText(file))).ToList();

        Assert.Empty(pages.Where(page => page.Text.Contains("hx-select", StringComparison.Ordinal)).Select(page => page.File));
        Assert.Empty(pages.SelectMany(page => HandWrittenHtmxUrl().Matches(page.Text).Select(match => $"{page.File}: {match.Value}")));
        Assert.Contains(pages, page => page.Text.Contains("hx-page=", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Product, pattern, SearchOption.AllDirectories)
            .Where(file => !Relative(file).StartsWith("bin/", StringComparison.Ordinal) && !Relative(file).StartsWith("obj/", StringComparison.Ordinal));

    /// <summary>A feature's <c>Sqlite/</c> or <c>DynamoDb/</c> folder, or the shared ones under <c>Storage/</c>.</summary>
    // Kms/ and S3/ hold the AWS side of what is not a store provider: the key ring's encryption, the receipt files.
    private static bool IsProviderCode(string file) => Relative(file).Split('/') is [.., "Sqlite" or "DynamoDb" or "Kms" or "S3", _];

    private static string Relative(string file) => Path.GetRelativePath(Product, file).Replace('\\', '/');

    [GeneratedRegex(@"\b(Dapper|Microsoft\.Data\.Sqlite|Amazon\.DynamoDBv2|Amazon\.KeyManagementService|Amazon\.S3|Amazon\.Runtime|SqliteConnection|IAmazonDynamoDB|IAmazonS3|AttributeValue)\b")]
    private static partial Regex ProviderLibrary();

    /// <summary>
    /// An hx-get or hx-post with a URL written out: the tag helpers (hx-page, hx-page-handler, hx-route-*) write those, or
    /// code that asks the routes (a value starting with @, as the expense rows do).
    /// </summary>
    [GeneratedRegex(@"\bhx-(get|post|put|delete|patch)=""[^""@][^""]*""")]
    private static partial Regex HandWrittenHtmxUrl();
}
