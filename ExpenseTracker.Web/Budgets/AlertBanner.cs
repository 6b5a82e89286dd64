using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ExpenseTracker.Web.Budgets;

/// <summary>One line of the banner.</summary>
public sealed record AlertNotice(AlertLevel Level, string Message);

/// <summary>
/// The banner of the expense page (the #budget-alert region): the alerts the last write raised. An htmx response
/// carries it out of band beside the swapped form or row; a full-page post keeps it in TempData for the page
/// after the redirect.
/// </summary>
public sealed record AlertBanner(IReadOnlyList<AlertNotice> Notices, bool OutOfBand = false)
{
    public const string ElementId = "budget-alert";

    private const string TempDataKey = "BudgetAlerts";

    public static AlertBanner Of(IEnumerable<BudgetAlert> alerts, bool outOfBand) =>
        new(alerts.Select(alert => new AlertNotice(alert.Level, alert.Message)).ToList(), outOfBand);

    public static void Remember(ITempDataDictionary tempData, IReadOnlyCollection<BudgetAlert> alerts)
    {
        if (alerts.Count > 0)
        {
            tempData[TempDataKey] = JsonSerializer.Serialize(Of(alerts, outOfBand: false).Notices);
        }
    }

    /// <summary>The banner a redirect carried here (empty when none); reading it removes it, so it shows once.</summary>
    public static AlertBanner Recall(ITempDataDictionary tempData) =>
        new(tempData[TempDataKey] is string json ? JsonSerializer.Deserialize<List<AlertNotice>>(json) ?? [] : []);
}
