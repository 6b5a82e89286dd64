using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpenseTracker.Web.Tests.Browser;

/// <summary>
/// The base of every browser journey: a fresh app (own Kestrel port, own SQLite file) and a fresh browser context per
/// test on the shared Chromium, with every console error, page error, failed request, server error and CSP violation
/// recorded and asserted absent when the journey ends. A journey starts signed in as the app's default account, through
/// the real sign-in form, unless it says otherwise.
/// </summary>
public abstract class BrowserJourney(Chromium chromium) : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private int documentRequests;

    protected LiveExpenseTrackerFactory App { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected PageProblems Problems { get; private set; } = null!;

    /// <summary>Journeys of the no-JavaScript experience turn this off for their whole context.</summary>
    protected virtual bool JavaScriptEnabled => true;

    /// <summary>Settings a journey's app starts with (for example a shorter undo window, so that no journey waits ten seconds).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> AppSettings => [];

    /// <summary>Journeys of signing in and registering turn this off to start as a visitor.</summary>
    protected virtual bool StartSignedIn => true;

    /// <summary>The app a journey runs against; journeys of another provider start it with settings of their own.</summary>
    protected virtual Task<LiveExpenseTrackerFactory> CreateAppAsync() => Task.FromResult(new LiveExpenseTrackerFactory([.. AppSettings]));

    public async Task InitializeAsync()
    {
        App = await CreateAppAsync();
        Context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = Desktop,
            JavaScriptEnabled = JavaScriptEnabled,
            Locale = "en-IN",
            TimezoneId = "Asia/Kolkata",
        });
        Context.SetDefaultTimeout(10_000);
        Problems = new PageProblems(Context);
        Context.Request += (_, request) =>
        {
            if (IsDocumentOfThePage(request))
            {
                Interlocked.Increment(ref documentRequests);
            }
        };
        Page = await Context.NewPageAsync();
        if (StartSignedIn)
        {
            await App.EnsureDefaultAccountAsync();
            await SignInAsync(App.DefaultEmail, ExpenseTrackerFactory.Password);
        }
    }

    /// <summary>
    /// Whether the request loads a whole document into the journey's page (before the page exists: into any page). A tab
    /// the journey opens has documents of its own, and its first request comes before its frame does.
    /// </summary>
    private bool IsDocumentOfThePage(IRequest request)
    {
        if (!request.IsNavigationRequest)
        {
            return false;
        }

        try
        {
            return request.Frame.ParentFrame is null && (Page is null || request.Frame.Page == Page);
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>Signs in through the sign-in form (a plain post, with or without JavaScript) and waits for the expense page.</summary>
    protected async Task SignInAsync(string email, string password)
    {
        await OpenAsync("/account/login");
        var form = Page.Locator("#login-form");
        await form.GetByLabel("Email").FillAsync(email);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(App.BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        App?.Dispose();
        var problems = Problems?.All ?? [];
        Assert.True(problems.Count == 0, $"The journey ran into {problems.Count} problems in the browser:\n  - {string.Join("\n  - ", problems)}");
    }

    /// <summary>Opens a path of the app and waits until its scripts have run.</summary>
    protected async Task OpenAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
    }

    /// <summary>Marks the current document; <see cref="AssertNoReloadAsync"/> then proves the page was changed in place.</summary>
    protected async Task<int> MarkPageAsync()
    {
        await Page.EvaluateAsync("() => { window.journeyMark = 'still the same document'; }");
        return Volatile.Read(ref documentRequests);
    }

    protected async Task AssertNoReloadAsync(int documentRequestsAtMark)
    {
        Assert.Equal(documentRequestsAtMark, Volatile.Read(ref documentRequests));
        Assert.Equal("still the same document", await Page.EvaluateAsync<string?>("() => window.journeyMark ?? null"));
    }

    /// <summary>How many full documents the page has requested: each full-page post, redirect target or link counts.</summary>
    protected int DocumentRequests => Volatile.Read(ref documentRequests);

    /// <summary>
    /// Checks the page as it is now with axe and keeps a screenshot of it, at desktop and at phone width (the layout,
    /// and so what axe sees, differs), then returns to the desktop width.
    /// </summary>
    protected async Task InspectPageAsync(string pageName)
    {
        var copy = JavaScriptEnabled ? null : await OpenScriptedCopyAsync();
        try
        {
            foreach (var (label, size) in new[] { ("desktop", Desktop), ("phone", Phone) })
            {
                await Page.SetViewportSizeAsync(size.Width, size.Height);
                if (copy is null)
                {
                    await Axe.AssertNoSeriousViolationsAsync(Page, $"{pageName} ({label})");
                }
                else
                {
                    await copy.SetViewportSizeAsync(size.Width, size.Height);
                    await Axe.AssertNoSeriousViolationsAsync(copy, $"{pageName} ({label}, without JavaScript)");
                }

                await Screenshots.TakeAsync(Page, GetType().Name, $"{pageName}-{label}");
            }
        }
        finally
        {
            if (copy is not null)
            {
                await copy.Context.CloseAsync();
            }
        }

        await Page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>
    /// axe cannot run where scripts are off, so the document this page shows is served again at the same address
    /// to a script-enabled page in a context of its own (with the app's real CSS), for axe to check there. That context
    /// has the journey's cookies, so the copy's own requests are answered as the page's were.
    /// </summary>
    private async Task<IPage> OpenScriptedCopyAsync()
    {
        var url = Page.Url;
        var html = await Page.ContentAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { StorageState = await Context.StorageStateAsync() });
        await context.RouteAsync(candidate => candidate == url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Body = html,
            ContentType = "text/html; charset=utf-8",
        }));
        var copy = await context.NewPageAsync();
        await copy.GotoAsync(url);
        return copy;
    }

    /// <summary>Stores an expense the way the app does, bypassing the UI, for journeys that need existing data.</summary>
    protected Task<Expense> SeedExpenseAsync(string date, decimal rupees, string categoryId = "other", string description = "", params string[] tags)
    {
        var store = App.Services.GetRequiredService<IExpenseStore>();
        var draft = new ExpenseDraft(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Money.FromRupees(rupees), categoryId, description, tags);
        return store.AddExpenseAsync(App.DefaultUserId, draft);
    }

    protected Task<ExpenseTotals> StoredTotalsAsync() =>
        App.Services.GetRequiredService<IExpenseStore>().GetTotalsAsync(App.DefaultUserId, ExpenseFilter.None);
}
