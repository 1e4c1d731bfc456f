using Dispatch.Grains.Domain.City;
using Dispatch.Silo.Errors;
using Dispatch.Silo.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace Dispatch.Silo.Auth;

/// <summary>
/// Bearer authentication through ASP.NET's JwtBearer handler: <see cref="AuthSchemes.Bearer"/> validates the silo's own
/// HS256 tokens (<see cref="TokenService"/>); with <see cref="AuthOptions.Authority"/>, <see cref="AuthSchemes.External"/>
/// validates the provider's tokens against its discovery document and JWKS. Both take the token from the Authorization
/// header or, where browsers cannot send one, from <c>?access_token=</c> (<see cref="AuthSchemes.QueryToken"/>); both
/// map the token to a Dispatch principal (<see cref="DispatchPrincipal"/>) and answer 401 and 403 with problem+json.
/// </summary>
public static class BearerAuthentication
{
    private const string FailureKey = "Dispatch.AuthFailure";

    public static AuthenticationBuilder AddDispatchBearer(this AuthenticationBuilder builder, AuthOptions auth)
    {
        builder.AddJwtBearer(AuthSchemes.Bearer, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<TokenService>((o, tokens) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = tokens.ValidationParameters();
            o.Events = Events(DispatchPrincipal.ClaimNames.Own);
        });
        if (!auth.HasAuthority)
            return builder;

        builder.AddJwtBearer(AuthSchemes.External, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(AuthSchemes.External).Configure<IClock>((o, clock) =>
        {
            o.Authority = auth.Authority;
            o.Audience = auth.Audience;
            o.RequireHttpsMetadata = auth.RequiresHttpsMetadata();
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = auth.Audience,
                ValidateIssuer = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                LifetimeValidator = TokenLifetime.Validator(clock),
                NameClaimType = auth.NameClaim,
                RoleClaimType = auth.RoleClaim,
            };
            o.Events = Events(new DispatchPrincipal.ClaimNames(auth.RoleClaim, auth.ScopeClaim, auth.NameClaim));
        });
        return builder;
    }

    /// <summary>
    /// The bearer scheme for a request's token: <see cref="AuthSchemes.External"/> when a provider is configured and the
    /// token's (unvalidated) issuer is not the silo's own, else <see cref="AuthSchemes.Bearer"/>.
    /// </summary>
    public static string SchemeFor(HttpRequest request, bool hasAuthority)
    {
        if (!hasAuthority || TokenOf(request) is not { } token)
            return AuthSchemes.Bearer;
        var handler = new JsonWebTokenHandler();
        if (token.Length > TokenService.MaxLength || !handler.CanReadToken(token))
            return AuthSchemes.Bearer;
        try
        {
            return handler.ReadJsonWebToken(token).Issuer == TokenService.Issuer ? AuthSchemes.Bearer : AuthSchemes.External;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthSchemes.Bearer;
        }
    }

    /// <summary>The token of the Authorization header ("Bearer x"), else of the query where allowed; null when none.</summary>
    private static string? TokenOf(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return AuthSchemes.QueryToken(request);
    }

    private static JwtBearerEvents Events(DispatchPrincipal.ClaimNames names) => new()
    {
        OnMessageReceived = context =>
        {
            if (context.Request.Headers.Authorization.Count == 0 && AuthSchemes.QueryToken(context.Request) is { } token)
                context.Token = token;
            var presented = context.Token ?? TokenOf(context.Request);
            if (presented is { Length: > TokenService.MaxLength })
                context.Fail("The token is too long.");
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            var city = context.HttpContext.RequestServices.GetRequiredService<CityModel>();
            var (principal, error) = DispatchPrincipal.From(context.Principal!, names, city, context.Scheme.Name);
            if (principal is null)
                context.Fail(error!);
            else
                context.Principal = principal;
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            context.HttpContext.Items[FailureKey] = TokenErrors.Describe(context.Exception);
            return Task.CompletedTask;
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var reason = context.HttpContext.Items[FailureKey] as string
                ?? (context.AuthenticateFailure is { } failure ? TokenErrors.Describe(failure) : null);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers[HeaderNames.WWWAuthenticate] = reason is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await WriteAsync(context.HttpContext, Problems.Unauthorized(reason ?? "This call needs 'Authorization: Bearer <token>'."));
        },
        OnForbidden = async context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var user = context.HttpContext.User;
            var actor = user.Identity?.IsAuthenticated == true ? user.ToActor().ToString() : "this principal";
            await WriteAsync(context.HttpContext, Problems.Forbidden($"The role of {actor} may not make this call."));
        },
    };

    private static async Task WriteAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
}
