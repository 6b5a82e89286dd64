using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Receipts;
using Microsoft.AspNetCore.Html;

namespace ExpenseTracker.Web.Expenses;

/// <summary>What the shared expense fields partial needs from the page that shows it (add form or inline edit).</summary>
public interface IExpenseFormPage
{
    ExpenseForm Input { get; }

    IReadOnlyList<Category> Categories { get; }

    /// <summary>Makes element ids unique when an add form and an edit row are on one page.</summary>
    string FieldIdPrefix { get; }

    /// <summary>The receipts the expense holds and the uploads the form carries.</summary>
    ReceiptField ReceiptField { get; }
}

/// <summary>One row of the expense table, with the receipts attached to the expense.</summary>
public sealed record ExpenseRow(Expense Expense, string CategoryName, IReadOnlyList<Receipt> Receipts)
{
    public string DateText => Expense.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>
/// The URLs of a row's edit and delete, made from the routes with a stand-in id and filled in per row: asking the
/// router for four links on each of 25 rows was most of the cost of rendering a page of rows. The routes do not change
/// while the app runs, so the two are made once per path base (the app's mount point).
/// </summary>
public sealed class ExpenseRowLinks
{
    private const string StandIn = "__expense__";

    private static readonly ConcurrentDictionary<string, ExpenseRowLinks> ByPathBase = new();

    private readonly (string Before, string After) edit;

    private readonly (string Before, string After) delete;

    private ExpenseRowLinks(IUrlHelper url)
    {
        edit = Around(url.Page("/Expenses/Edit", new { id = StandIn })!);
        delete = Around(url.Page("/Expenses/Delete", new { id = StandIn })!);
    }

    public static ExpenseRowLinks For(IUrlHelper url) =>
        ByPathBase.GetOrAdd(url.ActionContext.HttpContext.Request.PathBase.Value ?? "", _ => new ExpenseRowLinks(url));

    public IHtmlContent Edit(string id) => new RowLink(edit.Before, id, edit.After);

    public IHtmlContent Delete(string id) => new RowLink(delete.Before, id, delete.After);

    private static (string Before, string After) Around(string link)
    {
        var at = link.IndexOf(StandIn, StringComparison.Ordinal);
        return (link[..at], link[(at + StandIn.Length)..]);
    }

    /// <summary>
    /// Written in its three parts, each HTML-encoded, rather than joined into a new string per link first. Ids are
    /// letters and digits (both stores make them so), which a path carries as they are.
    /// </summary>
    private sealed class RowLink(string before, string id, string after) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            encoder.Encode(writer, before);
            encoder.Encode(writer, id);
            encoder.Encode(writer, after);
        }
    }
}

/// <summary>The row an inline edit saved, and the budget alerts the save raised (for the banner, out of band).</summary>
public sealed record SavedRow(ExpenseRow Row, IReadOnlyList<BudgetAlert> Alerts);
