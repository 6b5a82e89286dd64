using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Accounts.DynamoDb;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Budgets.DynamoDb;
using ExpenseTracker.Web.Categories.DynamoDb;
using ExpenseTracker.Web.DataProtection.DynamoDb;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage.DynamoDb;
using ExpenseTracker.Web.Tests.Infrastructure;
using ExpenseTracker.Web.Tests.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// Least privilege, measured: every DynamoDB store call is made against DynamoDB Local, the requests on the wire are
/// turned into the IAM actions they need, and those must be exactly what the function's role allows on the table.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class TablePolicyTests(DynamoDbLocal engine) : IAsyncLifetime
{
    // A table of its own: the key ring written here must not join the ring the other app tests share.
    private readonly string tableName = "Policy-" + Guid.NewGuid().ToString("N");
    private readonly CountingHttpClientFactory requests = new();

    public Task InitializeAsync() => DynamoDbTable.CreateIfMissingAsync(engine.Client, tableName);

    public Task DisposeAsync() => engine.Client.DeleteTableAsync(tableName);

    [Fact]
    public async Task TheFunctionsRoleAllowsExactlyTheActionsTheStoresUse()
    {
        using var client = engine.CreateClient(config => config.HttpClientFactory = requests);
        await ExerciseEveryStoreAsync(client);

        var used = requests.Requests.SelectMany(request => IamActions(request.Operation, request.Body)).ToHashSet();
        var allowed = TableTemplateTests.TablePolicy(CloudFormationTemplate.Load())["Action"].OneOrMany().Cast<string>().ToHashSet();

        Assert.Equal(allowed.Order(), used.Order());
    }

    private async Task ExerciseEveryStoreAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client)
    {
        var user = NewUserId();
        var expenses = TestStores.Expenses(client, tableName, TimeProvider.System);
        var categories = new DynamoDbCategoryStore(new AppTable(client, tableName));
        var budgets = new DynamoDbBudgetStore(new AppTable(client, tableName), BudgetAlerting.Standalone(), TimeProvider.System);

        await budgets.SaveAsync(user, new BudgetSettings(Money.FromRupees(1_000), BudgetPeriod.CalendarMonth, 50));
        await budgets.GetAsync(user);
        var category = await categories.AddAsync(user, "Pets");
        await categories.RenameAsync(user, category.Id, "Pet care");
        await categories.ListCustomAsync(user);
        var expense = await expenses.AddExpenseAsync(user, Draft("2026-03-10", 900, category.Id, "Vet", "dog"));
        await expenses.AddManyAsync(user, [Draft("2026-03-11", 10), Draft("2026-04-01", 20)]);
        await expenses.UpdateExpenseAsync(user, expense.Id, expense.Version, Draft("2026-03-12", 950, "food"));
        await expenses.FindAsync(user, expense.Id);
        await expenses.ListAsync(user, ExpenseFilter.None, null, 25);
        await expenses.GetTotalsAsync(user, ExpenseFilter.None);
        await expenses.DeleteAsync(user, expense.Id);
        await categories.DeleteAsync(user, category.Id);
        await new DynamoDbAlertStore(new AppTable(client, tableName)).ListAsync(user, 10);
        var keyRing = new DynamoDbKeyRingStore(new AppTable(client, tableName), TimeProvider.System);
        await keyRing.StoreAsync("key-policy", "<key />");
        await keyRing.GetAllAsync();
        var accounts = new DynamoDbAccountStore(new AppTable(client, tableName));
        var account = new UserAccount { Id = user, Email = $"{user}@example.com", NormalizedEmail = $"{user}@EXAMPLE.COM", SecurityStamp = "s" };
        await accounts.CreateAsync(account, onlyIfNoAccountExists: false);
        await accounts.AnyAsync();
        await accounts.FindByNormalizedEmailAsync(account.NormalizedEmail);
        await accounts.UpdateAsync(new UserAccount { Id = user, SecurityStamp = "t", ConcurrencyStamp = "next" }, account.ConcurrencyStamp);
        var tokens = new DynamoDbAccessTokenStore(new AppTable(client, tableName));
        await tokens.AddAsync(user, new AccessToken("t1", "script", DateTimeOffset.UtcNow), "hash-" + user);
        await tokens.FindUserIdAsync("hash-" + user);
        await tokens.ListAsync(user);
        await tokens.RevokeAsync(user, "t1");
        await tokens.EraseAsync(user);
        await expenses.EraseAsync(user);
        await accounts.DeleteAsync(user);
        var health = await new DynamoDbHealthCheck(new AppTable(client, tableName)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    /// <summary>IAM has no action for a transaction: each item in it needs the action of its kind.</summary>
    private static IEnumerable<string> IamActions(string operation, string body)
    {
        if (operation != "TransactWriteItems")
        {
            return ["dynamodb:" + operation];
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("TransactItems").EnumerateArray()
            .Select(item => item.EnumerateObject().Single().Name switch
            {
                "ConditionCheck" => "dynamodb:ConditionCheckItem",
                var kind => $"dynamodb:{kind}Item",
            })
            .ToList();
    }
}
