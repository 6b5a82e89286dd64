using Amazon.DynamoDBv2.Model;
using ExpenseTracker.Web.Storage.DynamoDb;
using static ExpenseTracker.Web.Storage.DynamoDb.AttributeValues;

namespace ExpenseTracker.Web.Receipts.DynamoDb;

/// <summary>
/// The two kinds of receipt item in the user's partition: <c>RECEIPT#{id}</c>, one per file, and
/// <c>RECEIPTSOF#{expenseId}</c>, the attached (or set aside) receipts of one expense as a list, with a version for
/// optimistic concurrency.
/// </summary>
internal static class ReceiptItems
{
    public const string ExpenseId = "ExpenseId";
    public const string Kind = "Kind";
    public const string Size = "Size";
    public const string FileName = "FileName";
    public const string HasThumbnail = "HasThumbnail";
    public const string State = "State";
    public const string ChangedAt = "ChangedAt";
    public const string Receipts = "Receipts";

    public static string Key(string id) => ItemKeys.ReceiptPrefix + id;

    public static string GroupKey(string expenseId) => ItemKeys.ExpenseReceiptsPrefix + expenseId;

    public static Dictionary<string, AttributeValue> Item(string userId, Receipt receipt)
    {
        var item = AttributeValues.Key(userId, Key(receipt.Id));
        foreach (var (name, value) in Fields(receipt))
        {
            item[name] = value;
        }

        item[Attr.Type] = S("Receipt");
        return item;
    }

    public static Dictionary<string, AttributeValue> Group(string userId, string expenseId, ReceiptState state, IEnumerable<Receipt> receipts, long version, DateTimeOffset at)
    {
        var item = AttributeValues.Key(userId, GroupKey(expenseId));
        item[Attr.Type] = S("ExpenseReceipts");
        item[ExpenseId] = S(expenseId);
        item[State] = S(state.ToString());
        item[ChangedAt] = S(Format(at));
        item[Attr.Version] = N(version);
        item[Receipts] = new AttributeValue { L = [.. receipts.Select(receipt => new AttributeValue { M = Fields(receipt) })] };
        return item;
    }

    public static Receipt ToReceipt(Dictionary<string, AttributeValue> item) => new(
        String(item, Attr.Id),
        item.TryGetValue(ExpenseId, out var expense) && expense.S is { Length: > 0 } ? expense.S : null,
        Enum.Parse<ReceiptKind>(String(item, Kind)),
        Long(item, Size),
        String(item, FileName),
        item.TryGetValue(HasThumbnail, out var thumbnail) && thumbnail.BOOL == true,
        Enum.Parse<ReceiptState>(String(item, State)),
        Parse(String(item, Attr.CreatedAt)),
        Parse(String(item, ChangedAt)));

    /// <summary>The receipts an expense's group item holds, oldest first, as the SQLite store lists them.</summary>
    public static IReadOnlyList<Receipt> ReceiptsOf(Dictionary<string, AttributeValue> group) =>
        [.. (group.GetValueOrDefault(Receipts)?.L ?? []).Select(value => ToReceipt(value.M))
            .OrderBy(receipt => receipt.CreatedAt).ThenBy(receipt => receipt.Id, StringComparer.Ordinal)];

    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static Dictionary<string, AttributeValue> Fields(Receipt receipt)
    {
        var fields = new Dictionary<string, AttributeValue>
        {
            [Attr.Id] = S(receipt.Id),
            [Kind] = S(receipt.Kind.ToString()),
            [Size] = N(receipt.Size),
            [FileName] = S(receipt.FileName),
            [HasThumbnail] = new AttributeValue { BOOL = receipt.HasThumbnail },
            [State] = S(receipt.State.ToString()),
            [Attr.CreatedAt] = S(Format(receipt.CreatedAt)),
            [ChangedAt] = S(Format(receipt.ChangedAt)),
        };
        if (receipt.ExpenseId is { } expenseId)
        {
            fields[ExpenseId] = S(expenseId);
        }

        return fields;
    }
}
