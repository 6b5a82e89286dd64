using System.Text.Json;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>Runs axe-core (pinned in package.json, installed by npm ci) in a page and fails on serious or critical violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = RepositoryRoot.Combine("node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing at {path}; run `npm ci` in the repository root (scripts/test.sh does).");
    });

    /// <summary>
    /// Injects axe through the DevTools protocol rather than a script tag, so that a strict Content Security Policy
    /// neither blocks it nor reports it.
    /// </summary>
    /// <remarks>
    /// axe needs the page's event loop: in a context with JavaScript disabled its run would never finish, so such
    /// pages are checked through <see cref="BrowserJourney"/>'s copy; the time limit turns any other stall into a failure.
    /// </remarks>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {Source.Value}\n }}");
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const results = await window.axe.run(document, { resultTypes: ["violations"] });
              return results.violations
                .filter(violation => violation.impact === "serious" || violation.impact === "critical")
                .map(violation => `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
                  violation.nodes.slice(0, 5).map(node => `      at ${node.target.join(" ")}: ${node.failureSummary.replaceAll("\n", " ")}`).join("\n"));
            }
            """).WaitAsync(TimeSpan.FromSeconds(30));
        var found = violations.EnumerateArray().Select(violation => violation.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe found {found.Count} serious or critical problems on the {pageName} page ({page.Url}):\n  - {string.Join("\n  - ", found)}");
    }
}
