using System;

namespace EopTools.Sources
{
    /// <summary>The kinds of failure of the web service, each with its own stable error id.</summary>
    internal enum WebServiceFailure
    {
        InsecureUri,
        Unreachable,
        Timeout,
        RateLimited,
        HttpError,
        IncompleteAnswer,
        AnswerTooLarge,
        UnexpectedAnswer,
        RedirectRefused,
        ProxyUriInvalid,
        ProxyCredentialConflict,
        ProxyNotFound,
        ProxyAuthenticationRequired,
    }

    /// <summary>A web service call that failed; nothing was written and the session's ranges are as they were.</summary>
    internal sealed class WebServiceException : EopToolsException
    {
        public WebServiceException(WebServiceFailure failure, string message, Exception? inner = null)
            : base("WebService" + failure, message, inner)
        {
        }
    }
}
