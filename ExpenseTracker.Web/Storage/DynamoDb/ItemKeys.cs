
namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>
/// How each kind of item is keyed. Every item of a user shares the partition USER#{userId}; the sort key says what
/// the item is. Separators are upper case and every stored tag is lower case, so one tag's range never
/// overlaps another's. '~' sorts after every character an id, a date or "CATEGORY#" starts with: it closes ranges.
/// </summary>
internal static class ItemKeys
{
    public const string CategoryPrefix = "CATEGORY#";

    public const string ExpensePrefix = "EXPENSE#";
    public const string DailyTotalPrefix = "DAY#";
    public const string TagTotalPrefix = "TAG#";
    public const string CategoryNamePrefix = "CATEGORYNAME#";
    public const string CategoryUsagePrefix = "CATEGORYUSE#";
    public const string MonthTotalPrefix = "MONTH#";
    public const string DayTotalPrefix = "DAYSUM#";
    public const string MonthCategoryTotalPrefix = "MONTHSUM#";

    /// <summary>A deleted expense in the bin, kept a short while for an undo; outside the by-date index and every total.</summary>
    public const string DeletedExpensePrefix = "DELETED#";

    public static string User(string userId) => "USER#" + userId;

    public static string Expense(string id) => ExpensePrefix + id;

    public static string DeletedExpense(string id) => DeletedExpensePrefix + id;

    /// <summary>The by-date index key: newest first is a descending query on it.</summary>
    public static string ExpenseByDate(DateOnly date, string id) => $"EXPENSE#{Day(date)}#{id}";

    public static (string Lower, string Upper) ExpensesBetween(DateOnly? from, DateOnly? to) =>
        Range("EXPENSE#", from, to);

    /// <summary>
    /// An upper bound for the by-date keys that sort before <paramref name="byDateKey"/>: its last character one
    /// lower, then "~". Ids are ASCII letters and digits, all below "~", so every expense key below
    /// <paramref name="byDateKey"/> is at most this bound and the key itself is above it. A page after a cursor
    /// is then a key range, like the first page, rather than a Query resumed from a start key.
    /// </summary>
    public static string ExpensesBefore(string byDateKey) => byDateKey[..^1] + (char)(byDateKey[^1] - 1) + "~";

    public static string DailyTotal(DateOnly date, string categoryId) => $"{DailyTotalPrefix}{Day(date)}#CATEGORY#{categoryId}";

    /// <summary>Where the day and category totals of the expenses with one tag start, each followed by its day.</summary>
    public static string TagDayTotalPrefix(string tag) => $"{TagTotalPrefix}{tag}#DAY#";

    /// <summary>Where the month and category totals of the expenses with one tag start, each followed by its month.</summary>
    public static string TagMonthTotalPrefix(string tag) => $"{TagTotalPrefix}{tag}#MONTH#";

    public static string TagTotal(string tag, DateOnly date, string categoryId) => $"{TagDayTotalPrefix(tag)}{Day(date)}#CATEGORY#{categoryId}";

    /// <summary>The total of one day in all categories: spending by day reads a total a day, not one per category.</summary>
    public static string DayTotal(DateOnly date) => DayTotalPrefix + Day(date);

    /// <summary>The total of one calendar month ("2026-11") in one category: a range of months reads one a month and category.</summary>
    public static string MonthCategoryTotal(string month, string categoryId) => $"{MonthCategoryTotalPrefix}{month}#CATEGORY#{categoryId}";

    /// <summary>The month and category total of the expenses with one tag; inside the tag's own range, after its days.</summary>
    public static string TagMonthTotal(string tag, string month, string categoryId) => $"{TagMonthTotalPrefix(tag)}{month}#CATEGORY#{categoryId}";

    public static string Category(string id) => CategoryPrefix + id;

    /// <summary>The reservation that makes a name unique per user, ignoring case (as SQLite's name_key does).</summary>
    public static string CategoryName(string name) => CategoryNamePrefix + name.ToUpperInvariant();

    /// <summary>How many expenses use a category; a category delete checks it in its transaction.</summary>
    public static string CategoryUsage(string categoryId) => CategoryUsagePrefix + categoryId;

    /// <summary>
    /// Every kind of item an expense write keeps in the user's partition: the expenses, their aggregates (the usage
    /// counts of categories among them) and the bin. Erasing a user's expenses deletes these.
    /// </summary>
    public static readonly IReadOnlyList<string> ExpenseItemPrefixes =
    [
        ExpensePrefix, DailyTotalPrefix, DayTotalPrefix, MonthCategoryTotalPrefix, TagTotalPrefix, CategoryUsagePrefix, MonthTotalPrefix, GrandTotal,
        DeletedExpensePrefix,
    ];

    /// <summary>The user's budget settings.</summary>
    public const string Budget = "BUDGET";

    /// <summary>A recorded budget alert (its rest is the alert's key): the items the alert Pipe emails.</summary>
    public const string AlertPrefix = "ALERT#";

    /// <summary>The total of one calendar month ("2026-11"), kept by every expense write: a monthly budget reads it.</summary>
    public static string MonthTotal(string month) => MonthTotalPrefix + month;

    /// <summary>The total of every expense of the user: an all-time budget reads it.</summary>
    public const string GrandTotal = "TOTAL";

    /// <summary>A receipt's metadata (Receipts/DynamoDb): one item per file, looked up by its id.</summary>
    public const string ReceiptPrefix = "RECEIPT#";

    /// <summary>The receipts of one expense together, so that a page of expenses reads them in one BatchGetItem.</summary>
    public const string ExpenseReceiptsPrefix = "RECEIPTSOF#";

    /// <summary>The partition of the Data Protection key ring, shared by every instance of the app.</summary>
    public const string KeyRing = "DATAPROTECTION";

    public const string KeyRingKeyPrefix = "KEY#";

    public static string KeyRingKey(string name) => KeyRingKeyPrefix + name;

    /// <summary>An account's own partition: looked up by id, outside every user's data partition.</summary>
    public static string Account(string id) => "ACCOUNT#" + id;

    public const string AccountItem = "ACCOUNT";

    /// <summary>The reservation that makes an email unique; it holds the account id, so a sign-in finds the account.</summary>
    public static string Email(string normalizedEmail) => "EMAIL#" + normalizedEmail;

    public const string EmailItem = "EMAIL";

    /// <summary>Written with every account and never deleted: "an account has existed", which ends first-user-only registration.</summary>
    public const string Accounts = "ACCOUNTS";

    public const string FirstAccount = "FIRST";

    public const string TokenPrefix = "TOKEN#";

    public static string Token(string id) => TokenPrefix + id;

    /// <summary>The partition of one token's hash: the bearer look-up is one strongly consistent GetItem, no index.</summary>
    public static string TokenHash(string secretHash) => "TOKENHASH#" + secretHash;

    public const string TokenHashItem = "TOKENHASH";

    /// <summary>An import (ImportExport/Import), with the ids of the expenses it stored in parts of their own.</summary>
    public const string ImportPrefix = "IMPORT#";

    public const string ImportPartPrefix = "IMPORTPART#";

    /// <summary>Import settings saved under a name, unique ignoring case.</summary>
    public const string ImportMappingPrefix = "IMPORTMAP#";

    public static string Import(string id) => ImportPrefix + id;

    public static string ImportParts(string importId) => $"{ImportPartPrefix}{importId}#";

    public static string ImportPart(string importId, int part) => $"{ImportParts(importId)}{part:D5}";

    public static string ImportMapping(string name) => ImportMappingPrefix + name.ToUpperInvariant();

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (string Lower, string Upper) Range(string prefix, DateOnly? from, DateOnly? to) =>
        (from is { } start ? $"{prefix}{Day(start)}#" : prefix, to is { } end ? $"{prefix}{Day(end)}#~" : prefix + "~");
}
