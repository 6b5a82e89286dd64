using System.Globalization;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Alerts;

/// <summary>
/// The one definition of a budget alert as an item of the DynamoDB table, where the item is also the outbox
/// message: the table's stream carries every newly inserted alert item to the EventBridge Pipe of
/// <see cref="AlertPipe"/>, which filters on <see cref="TypeValue"/> and the <see cref="SortKeyPrefix"/> and sends
/// <see cref="Names.Message"/> to the SNS topic. The DynamoDB store writes alert items from
/// <see cref="Attributes"/> and reads them back with <see cref="ToAlert"/>; the Pipe's pattern is tested against
/// this shape. Written without SDK types so the shape lives beside the feature it belongs to.
/// </summary>
public static class AlertOutboxItem
{
    public const string PartitionKeyName = "PK";
    public const string SortKeyName = "SK";
    public const string SortKeyPrefix = "ALERT#";

    /// <summary>The value of <see cref="Names.Type"/> that marks an item as an alert (other items are expenses, totals...).</summary>
    public const string TypeValue = "BudgetAlert";

    /// <summary>Attribute names, PascalCase like every other attribute of the table.</summary>
    public static class Names
    {
        public const string Type = "Type";
        public const string UserId = "UserId";

        /// <summary>"2026-11", or "all" for an all-time budget.</summary>
        public const string Period = "Period";

        /// <summary>"Warning" or "Exceeded".</summary>
        public const string Level = "Level";
        public const string BudgetPaise = "BudgetPaise";
        public const string Percent = "Percent";
        public const string ThresholdPaise = "ThresholdPaise";
        public const string TotalPaise = "TotalPaise";

        /// <summary>UTC, ISO 8601 round-trip format.</summary>
        public const string CreatedAt = "CreatedAt";

        /// <summary>The sentence the email carries, formatted in rupees by the app (the Pipe cannot format numbers).</summary>
        public const string Message = "Message";
    }

    /// <summary>Every item of a user shares this partition.</summary>
    public static string PartitionKey(string userId) => "USER#" + userId;

    /// <summary>Deterministic, so that an alert already recorded is the same item: ALERT#2026-11#Exceeded#1000000#100.</summary>
    public static string SortKey(BudgetAlert alert) => SortKeyPrefix + alert.Key;

    public static IReadOnlyList<ItemAttribute> Attributes(string userId, BudgetAlert alert) =>
    [
        ItemAttribute.String(PartitionKeyName, PartitionKey(userId)),
        ItemAttribute.String(SortKeyName, SortKey(alert)),
        ItemAttribute.String(Names.Type, TypeValue),
        ItemAttribute.String(Names.UserId, userId),
        ItemAttribute.String(Names.Period, alert.Period),
        ItemAttribute.String(Names.Level, alert.Level.ToString()),
        ItemAttribute.Number(Names.BudgetPaise, alert.Budget.Paise),
        ItemAttribute.Number(Names.Percent, alert.Percent),
        ItemAttribute.Number(Names.ThresholdPaise, alert.Threshold.Paise),
        ItemAttribute.Number(Names.TotalPaise, alert.Total.Paise),
        ItemAttribute.String(Names.CreatedAt, alert.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        ItemAttribute.String(Names.Message, alert.Message),
    ];

    /// <summary>Reads an alert back from its attribute values (strings and numbers as their text), by name.</summary>
    public static BudgetAlert ToAlert(IReadOnlyDictionary<string, string> values) => new(
        values[Names.Period],
        Enum.Parse<AlertLevel>(values[Names.Level]),
        new Money(long.Parse(values[Names.BudgetPaise], CultureInfo.InvariantCulture)),
        int.Parse(values[Names.Percent], CultureInfo.InvariantCulture),
        new Money(long.Parse(values[Names.ThresholdPaise], CultureInfo.InvariantCulture)),
        new Money(long.Parse(values[Names.TotalPaise], CultureInfo.InvariantCulture)),
        DateTimeOffset.Parse(values[Names.CreatedAt], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}

public enum ItemAttributeType
{
    /// <summary>A DynamoDB string.</summary>
    S,

    /// <summary>A DynamoDB number, held as its invariant text.</summary>
    N,
}

/// <summary>One attribute of an item, as DynamoDB types it.</summary>
public sealed record ItemAttribute(string Name, ItemAttributeType Type, string Value)
{
    public static ItemAttribute String(string name, string value) => new(name, ItemAttributeType.S, value);

    public static ItemAttribute Number(string name, long value) => new(name, ItemAttributeType.N, value.ToString(CultureInfo.InvariantCulture));
}
