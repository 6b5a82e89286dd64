using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Storage;

namespace ExpenseTracker.Web.Tests.Receipts;

/// <summary>What every receipt metadata store does, run against SQLite and DynamoDB Local.</summary>
public abstract class ReceiptStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 15, 6, 30, 0, TimeSpan.Zero);

    protected abstract Task<IReceiptStore> CreateStoreAsync();

    [Fact]
    public async Task APendingUploadIsFoundByItsOwnerOnly()
    {
        var store = await CreateStoreAsync();
        var (owner, stranger) = (StoreTestData.NewUserId(), StoreTestData.NewUserId());
        var receipt = Pending("bill.jpg");

        await store.AddPendingAsync(owner, receipt);

        Assert.Equal(receipt, await store.FindAsync(owner, receipt.Id));
        Assert.Null(await store.FindAsync(stranger, receipt.Id));
    }

    [Fact]
    public async Task AttachedReceiptsAreListedByExpenseOldestFirst()
    {
        var store = await CreateStoreAsync();
        var user = StoreTestData.NewUserId();
        var first = Pending("first.jpg", Noon);
        var second = Pending("second.pdf", Noon.AddMinutes(1), ReceiptKind.Pdf);
        var elsewhere = Pending("other.png", Noon, ReceiptKind.Png);
        foreach (var receipt in new[] { first, second, elsewhere })
        {
            await store.AddPendingAsync(user, receipt);
        }

        await store.AttachAsync(user, "lunch", [second.Id, first.Id], Noon.AddMinutes(2));
        await store.AttachAsync(user, "dinner", [elsewhere.Id], Noon.AddMinutes(2));
        var listed = await store.ListAttachedAsync(user, ["lunch", "dinner", "taxi"]);

        Assert.Equal(["first.jpg", "second.pdf"], listed["lunch"].Select(receipt => receipt.FileName));
        Assert.All(listed["lunch"], receipt => Assert.Equal((ReceiptState.Attached, "lunch"), (receipt.State, receipt.ExpenseId)));
        Assert.Equal("other.png", Assert.Single(listed["dinner"]).FileName);
        Assert.False(listed.ContainsKey("taxi"));
    }

    [Fact]
    public async Task AnExpenseHoldsAtMostFiveReceipts()
    {
        var store = await CreateStoreAsync();
        var user = StoreTestData.NewUserId();
        var receipts = Enumerable.Range(1, 6).Select(n => Pending($"bill-{n}.jpg")).ToList();
        foreach (var receipt in receipts)
        {
            await store.AddPendingAsync(user, receipt);
        }

        await store.AttachAsync(user, "expense", [.. receipts.Take(4).Select(receipt => receipt.Id)], Noon);

        await Assert.ThrowsAsync<TooManyReceiptsException>(() => store.AttachAsync(user, "expense", [.. receipts.Skip(4).Select(receipt => receipt.Id)], Noon));
        Assert.Equal(4, (await store.ListAttachedAsync(user, ["expense"]))["expense"].Count);
        Assert.Equal(ReceiptState.Pending, (await store.FindAsync(user, receipts[5].Id))!.State);
    }

    [Fact]
    public async Task AnotherUsersUploadCannotBeAttached()
    {
        var store = await CreateStoreAsync();
        var (owner, stranger) = (StoreTestData.NewUserId(), StoreTestData.NewUserId());
        var receipt = Pending("bill.jpg");
        await store.AddPendingAsync(owner, receipt);

        await Assert.ThrowsAsync<NotFoundException>(() => store.AttachAsync(stranger, "expense", [receipt.Id], Noon));
        Assert.Equal(ReceiptState.Pending, (await store.FindAsync(owner, receipt.Id))!.State);
    }

    [Fact]
    public async Task ADeletedExpensesReceiptsAreSetAsideAndCanBeAttachedAgain()
    {
        var store = await CreateStoreAsync();
        var user = StoreTestData.NewUserId();
        var receipt = Pending("bill.jpg");
        await store.AddPendingAsync(user, receipt);
        await store.AttachAsync(user, "expense", [receipt.Id], Noon);

        var detached = await store.DetachAsync(user, "expense", Noon.AddHours(1));

        Assert.Equal(receipt.Id, Assert.Single(detached).Id);
        Assert.Empty(await store.ListAttachedAsync(user, ["expense"]));
        var setAside = (await store.FindAsync(user, receipt.Id))!;
        Assert.Equal((ReceiptState.Detached, Noon.AddHours(1)), (setAside.State, setAside.ChangedAt));

        var restored = await store.ReattachAsync(user, "expense", Noon.AddHours(2));

        Assert.Equal(receipt.Id, Assert.Single(restored).Id);
        Assert.Equal(receipt.Id, Assert.Single((await store.ListAttachedAsync(user, ["expense"]))["expense"]).Id);
    }

    [Fact]
    public async Task DeletingAReceiptRemovesItAndASecondDeleteIsNotFound()
    {
        var store = await CreateStoreAsync();
        var user = StoreTestData.NewUserId();
        var receipt = Pending("bill.jpg");
        await store.AddPendingAsync(user, receipt);
        await store.AttachAsync(user, "expense", [receipt.Id], Noon);

        await store.DeleteAsync(user, receipt.Id);

        Assert.Null(await store.FindAsync(user, receipt.Id));
        Assert.Empty(await store.ListAttachedAsync(user, ["expense"]));
        await Assert.ThrowsAsync<NotFoundException>(() => store.DeleteAsync(user, receipt.Id));
    }

    [Fact]
    public async Task ErasingAUserRemovesEveryReceiptOfTheirsAndNoOneElses()
    {
        var store = await CreateStoreAsync();
        var (leaving, staying) = (StoreTestData.NewUserId(), StoreTestData.NewUserId());
        await store.AddPendingAsync(leaving, Pending("a.jpg"));
        await store.AddPendingAsync(leaving, Pending("b.pdf", kind: ReceiptKind.Pdf));
        await store.AddPendingAsync(staying, Pending("c.jpg"));

        await store.EraseAsync(leaving);

        Assert.Empty(await store.ListAsync(leaving));
        Assert.Equal("c.jpg", Assert.Single(await store.ListAsync(staying)).FileName);
    }

    private static Receipt Pending(string name, DateTimeOffset? at = null, ReceiptKind kind = ReceiptKind.Jpeg) =>
        new(ReceiptRules.NewId(), null, kind, 1234, name, kind != ReceiptKind.Pdf, ReceiptState.Pending, at ?? Noon, at ?? Noon);
}
