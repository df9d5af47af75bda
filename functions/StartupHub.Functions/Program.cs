using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StartupHub.Forms;
using StartupHub.Functions;
using StartupHub.Functions.Auth;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddStartupHubForms(builder.Configuration);
builder.Services.PostConfigure<FormsOptions>(FunctionsDefaults.Apply);
builder.Services.AddGitHubOAuth(builder.Configuration);
builder.Build().Run();
