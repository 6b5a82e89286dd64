using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.Expenses;

/// <summary>What the shared expense fields partial needs from the page that shows it (add form or inline edit).</summary>
public interface IExpenseFormPage
{
    ExpenseForm Input { get; }

    IReadOnlyList<Category> Categories { get; }

    /// <summary>Makes element ids unique when an add form and an edit row are on one page.</summary>
    string FieldIdPrefix { get; }
}

/// <summary>One row of the expense table.</summary>
public sealed record ExpenseRow(Expense Expense, string CategoryName)
{
    public string DateText => Expense.Date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The row an inline edit saved, and the budget alerts the save raised (for the banner, out of band).</summary>
public sealed record SavedRow(ExpenseRow Row, IReadOnlyList<BudgetAlert> Alerts);
