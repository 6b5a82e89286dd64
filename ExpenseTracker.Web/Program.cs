using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Security;
using ExpenseTracker.Web.StaticAssets;
using ExpenseTracker.Web.Storage;

var builder = WebApplication.CreateBuilder(args);

// "Today" is the user's date (India by default), not the server's.
builder.Services.AddAppClock(builder.Configuration);
// Whose data a request reads and writes: accounts, session cookies and access tokens; everything needs a sign-in.
builder.Services.AddAccounts(builder.Configuration);
// CSP without inline script, nosniff, referrer policy, HSTS: on every response.
builder.Services.AddSecurityHeaders();
// SQLite by default; the provider is chosen by the Storage section.
builder.Services.AddStorage(builder.Configuration);
// Store failures become ProblemDetails with a 4xx/503 status instead of a 500.
builder.Services.AddProblemDetails();
// Pages and the htmx fragments they return; htmx sends the antiforgery token in this header.
builder.Services.AddRazorPages();
builder.Services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
// CSS and JavaScript under one prefix, served from S3/CloudFront in AWS.
builder.Services.AddStaticAssets();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticAssetFolder();
app.UseAccounts();
app.MapRazorPages();
app.MapAccountsApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
