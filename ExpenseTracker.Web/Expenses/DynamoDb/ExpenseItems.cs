using System.Text;
using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Expenses.DynamoDb;

/// <summary>An expense as a DynamoDB item, and the checks that keep every write within what DynamoDB accepts.</summary>
internal static class ExpenseItems
{
    /// <summary>DynamoDB's limit for one item (names and values together) with its local index copies.</summary>
    public const int MaxItemBytes = 400 * 1024;

    public static Dictionary<string, AttributeValue> ToItem(string userId, Expense expense, string createdAt)
    {
        var item = Key(userId, ItemKeys.Expense(expense.Id));
        item[DynamoDbTable.ByDateSortKey] = S(ItemKeys.ExpenseByDate(expense.Date, expense.Id));
        item[Attr.Type] = S("Expense");
        item[Attr.Id] = S(expense.Id);
        item[Attr.Date] = S(ItemKeys.Day(expense.Date));
        item[Attr.AmountPaise] = N(expense.Amount.Paise);
        item[Attr.CategoryId] = S(expense.CategoryId);
        item[Attr.Version] = N(expense.Version);
        item[Attr.CreatedAt] = S(createdAt);
        // Empty values are left out: an absent attribute reads back as empty and never matches a filter.
        if (expense.Description.Length > 0)
        {
            item[Attr.Description] = S(expense.Description);
            item[Attr.DescriptionSearch] = S(SearchText(expense.Description));
        }

        if (expense.Tags.Count > 0)
        {
            item[Attr.Tags] = new AttributeValue { SS = [.. expense.Tags] };
        }

        return item;
    }

    public static Expense ToExpense(Dictionary<string, AttributeValue> item) => new(
        String(item, Attr.Id),
        ItemKeys.ParseDay(String(item, Attr.Date)),
        new Money(Long(item, Attr.AmountPaise)),
        String(item, Attr.CategoryId),
        String(item, Attr.Description),
        item.TryGetValue(Attr.Tags, out var tags) && tags.SS is { } set ? [.. set.Order(StringComparer.Ordinal)] : [],
        (int)Long(item, Attr.Version));

    public static string CreatedAtOf(Dictionary<string, AttributeValue> item) => String(item, Attr.CreatedAt);

    /// <summary>
    /// Folds ASCII letters only, as SQLite's LIKE does, so both stores find the same expenses for the same text.
    /// </summary>
    public static string SearchText(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
            }
        });

    /// <summary>Refuses, with a message a person can act on, what DynamoDB would refuse or store wrongly.</summary>
    public static void Check(string userId, ExpenseDraft draft)
    {
        ItemChecks.CheckUserId(userId);
        if (draft.Amount <= Money.Zero)
        {
            throw new InvalidValueException($"An expense amount must be more than {Money.Zero}.");
        }

        if (!ItemChecks.IsKeyPart(draft.CategoryId))
        {
            throw new InvalidValueException("The category id is empty, too long or has characters that cannot be stored.");
        }

        if (Expenses.Tags.Problem(draft.Tags) is { } tagProblem)
        {
            throw new InvalidValueException(tagProblem);
        }

        if (draft.Tags.Any(tag => tag.Length == 0 || Expenses.Tags.Normalize(tag) != tag || !ItemChecks.IsWellFormed(tag)))
        {
            throw new InvalidValueException("Tags are stored lower case, trimmed and without broken characters; one of these is not.");
        }

        if (draft.Tags.Distinct(StringComparer.Ordinal).Count() != draft.Tags.Count)
        {
            throw new InvalidValueException("A tag appears twice.");
        }

        if (!ItemChecks.IsWellFormed(draft.Description))
        {
            throw new InvalidValueException("The description has broken characters (a lone surrogate) that cannot be stored.");
        }

        // The by-date index holds a full copy (projection ALL), and DynamoDB counts an item and its local index
        // copies against one 400 KB limit.
        var size = 2 * EstimateSize(userId, draft);
        if (size > MaxItemBytes)
        {
            throw new InvalidValueException($"This expense is too large to store ({size / 1024:N0} KB with its index copy; the limit is {MaxItemBytes / 1024} KB). Shorten the description.");
        }
    }

    /// <summary>
    /// An upper bound of the stored item's size as DynamoDB counts it (UTF-8 names and values, at most 21 bytes a
    /// number), with the copy of the description kept for searching.
    /// </summary>
    public static int EstimateSize(string userId, ExpenseDraft draft)
    {
        const int fixedPart = 400;
        var utf8 = Encoding.UTF8;
        return fixedPart
            + (2 * utf8.GetByteCount(userId))
            + (2 * utf8.GetByteCount(draft.Description))
            + utf8.GetByteCount(draft.CategoryId)
            + draft.Tags.Sum(tag => utf8.GetByteCount(tag) + 1);
    }
}
