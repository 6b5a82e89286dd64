using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Api;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Charts;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.DataProtection;
using ExpenseTracker.Web.ErrorHandling;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Hosting;
using ExpenseTracker.Web.ImportExport;
using ExpenseTracker.Web.Pwa;
using ExpenseTracker.Web.Receipts;
using ExpenseTracker.Web.Security;
using ExpenseTracker.Web.StaticAssets;

var builder = WebApplication.CreateBuilder(args);

// One JSON object per log line in AWS, readable in CloudWatch.
builder.Logging.AddJsonLogsInAws(builder.Configuration);

// "Today" is the user's date (India by default), not the server's.
builder.Services.AddAppClock(builder.Configuration);
// SQLite by default; the Storage section chooses the provider of every store. Its start-up (schema or table) runs
// before any other start-up work reads the store, wherever this call stands.
builder.Services.AddStorage();
// Whose data a request reads and writes: accounts, session cookies and access tokens; everything needs a sign-in.
builder.Services.AddAccounts(builder.Configuration);
// CSP without inline script, nosniff, referrer policy, HSTS: on every response.
builder.Services.AddSecurityHeaders();
// Expenses, the categories they are filed under, and the budgets their writes are checked against.
builder.Services.AddExpenses();
builder.Services.AddCategories();
builder.Services.AddBudgets();
// Photos and PDFs of bills attached to expenses: in a folder on a laptop, in S3 (uploaded straight from the browser) in AWS.
builder.Services.AddReceipts();
// Antiforgery and cookie keys live in the store, so every Lambda instance reads the same ring.
builder.Services.AddKeyRingInStore();
// /healthz: the Web Adapter's readiness check, which also asks the store.
builder.Services.AddHealthEndpoint();
// Behind CloudFront and API Gateway the app sees the viewer's https and host name.
builder.Services.AddProxyHeaders();
// Every error says what went wrong (ProblemDetails on /api, the error page elsewhere); bodies have limits.
builder.Services.AddErrorResponses();
// Pages and the htmx fragments they return; htmx sends the antiforgery token in a header.
builder.Services.AddPages();
// CSS and JavaScript under one prefix, served from S3/CloudFront in AWS.
builder.Services.AddStaticAssets();
// The OpenAPI document, and requests the JSON endpoints cannot bind answered with a 400 that says why.
builder.Services.AddJsonApi();
// Spending by category, day and month for the charts, from the stored totals.
builder.Services.AddCharts();
// Getting data in and out: CSV export of the list, the account's backup and restore, CSV import from a bank or another tracker.
builder.Services.AddImportExport();

var app = builder.Build();

// First, so everything after sees the viewer's scheme, host and address (the rate limiter partitions by it).
app.UseProxyHeaders();
// After the proxy headers (HSTS must see the viewer's https), before everything else: errors, redirects to sign-in,
// 401s and 429s carry the headers too.
app.UseSecurityHeaders();
// Errors answer with ProblemDetails on /api and a friendly page elsewhere, never a bare status.
app.UseErrorResponses();
// Before sign-in is checked: CSS and scripts are public, and the sign-in page needs them.
app.UseStaticAssetFolder();
// Pages answer a whole page or an htmx fragment: no cache may hand one for the other.
app.UseVaryByHtmxRequest();
// Routing after the error middleware, so that a re-executed error page finds its endpoint.
app.UseRouting();
// Right after routing, before anything reads a body: each endpoint's limits (a receipt form takes five files of 10 MB,
// most forms 1 MB), and a body that cannot be read is refused in words (the error page or ProblemDetails).
app.UseRequestBodyGate();
// After routing, so authorization and the rate limiter see the endpoint's metadata (AllowAnonymous, the limit policy).
// Just before sign-in: a key ring the store or KMS cannot give answers 503, not a silent sign-out.
app.UseKeyRingBeforeSignIn();
app.UseAccounts();
app.MapHealthEndpoint();
app.MapRazorPages();
// /robots.txt: a private finance app asks every crawler to stay out.
app.MapRobotsTxt();
// /_htmx/antiforgery.js: puts the antiforgery token on every htmx request that changes something.
app.MapHtmxAntiforgery();
// The OpenAPI document of the JSON endpoints, at /openapi/v1.json; it holds no user data, so it is public.
app.MapOpenApi().AllowAnonymous();
// GET /api/summaries/by-category, /by-day, /by-month.
app.MapSummaries();
// The JSON REST API: /api/expenses.
app.MapExpensesApi();
// /api/expenses/{id}/receipts: list, attach (multipart) and remove receipts.
app.MapReceiptsApi();
// GET /api/me: whose session or access token this is.
app.MapAccountsApi();
// GET /api/expenses.csv: the filtered list as a file; GET and POST /api/backup: the whole account, out and back in.
app.MapImportExport();
// Installable on a phone: the manifest and the service worker (static assets only, and an offline page).
app.MapInstallableApp();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
