using Amazon.DynamoDBv2.Model;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>Attribute names, used through #placeholders since several are DynamoDB reserved words.</summary>
internal static class Attr
{
    public const string Type = "Type";
    public const string Id = "Id";
    public const string Date = "Date";
    public const string AmountPaise = "AmountPaise";
    public const string CategoryId = "CategoryId";
    public const string Description = "Description";

    /// <summary>The description folded for the text filter, which DynamoDB can only match case-sensitively.</summary>
    public const string DescriptionSearch = "DescriptionSearch";
    public const string Tags = "Tags";
    public const string Tag = "Tag";
    public const string Version = "Version";
    public const string CreatedAt = "CreatedAt";
    public const string DeletedAt = "DeletedAt";
    public const string ExpenseCount = "ExpenseCount";
    public const string Name = "Name";
    public const string Month = "Month";
    public const string Xml = "Xml";
    public const string BudgetPaise = "BudgetPaise";
    public const string Period = "Period";
    public const string WarningPercent = "WarningPercent";
    public const string Level = "Level";
    public const string Percent = "Percent";
    public const string ThresholdPaise = "ThresholdPaise";
    public const string TotalPaise = "TotalPaise";
    public const string Message = "Message";

    /// <summary>On an alert brought back by a restore: it was delivered when it was first raised, so the Pipe skips it.</summary>
    public const string Restored = "Restored";
    public const string UpdatedAt = "UpdatedAt";
    public const string Email = "Email";
    public const string NormalizedEmail = "NormalizedEmail";
    public const string PasswordHash = "PasswordHash";
    public const string SecurityStamp = "SecurityStamp";
    public const string ConcurrencyStamp = "ConcurrencyStamp";
    public const string LockoutEnd = "LockoutEnd";
    public const string AccessFailedCount = "AccessFailedCount";
    public const string LockoutEnabled = "LockoutEnabled";
    public const string UserId = "UserId";
    public const string SecretHash = "SecretHash";
    public const string FileName = "FileName";
    public const string Settings = "Settings";
    public const string UndoneAt = "UndoneAt";
    public const string ExpenseIds = "ExpenseIds";
}

/// <summary>Reading and writing attribute values.</summary>
internal static class AttributeValues
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string String(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is not null ? value.S : "";

    public static long Long(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null ? long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;

    /// <summary>The current time as items store it (ISO 8601 round-trip, UTC).</summary>
    public static string Now(TimeProvider time) => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> Key(string userId, string sortKey) => new()
    {
        [DynamoDbTable.PartitionKey] = S(ItemKeys.User(userId)),
        [DynamoDbTable.SortKey] = S(sortKey),
    };
}
