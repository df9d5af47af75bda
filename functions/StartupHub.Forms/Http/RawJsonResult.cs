using System.Text;
using Microsoft.AspNetCore.Http;

namespace StartupHub.Forms.Http;

/// <summary>Serves a prebuilt JSON document (the OpenAPI description).</summary>
public sealed class RawJsonResult(string json) : IResult, IStatusCodeHttpResult
{
    private string _cacheControl = "no-store";

    public int? StatusCode => 200;

    public string Json => json;

    public RawJsonResult WithCacheControl(string value)
    {
        _cacheControl = value;
        return this;
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = 200;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.Headers.CacheControl = _cacheControl;
        return httpContext.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json)).AsTask();
    }
}
