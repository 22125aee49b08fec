using System.Management.Automation;

namespace EopTools.Commands
{
    /// <summary>
    /// The one place where the module's failures become ErrorRecords: the logic below the cmdlets stays free of
    /// PowerShell, and every cmdlet gives the same failure the same id and category.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord For(EopToolsException e, object? target) => new ErrorRecord(e, e.ErrorId, Category(e.ErrorId), target);

        private static ErrorCategory Category(string errorId)
        {
            switch (errorId)
            {
                case "RangeFileNotFound":
                case "OutputFolderNotFound":
                case "LogFileNotFound":
                case "MessageFileNotFound":
                    return ErrorCategory.ObjectNotFound;
                case "RangeFileUnreadable":
                case "LogFileUnreadable":
                case "LogFileReadFailed":
                case "MessageFileUnreadable":
                    return ErrorCategory.ReadError;
                case "OutputFileExists":
                    return ErrorCategory.ResourceExists;
                case "OutputFileReadOnly":
                    return ErrorCategory.PermissionDenied;
                case "CacheBusy":
                    return ErrorCategory.ResourceBusy;
                case "OutputPathIsFolder":
                case "WebServiceProxyUriInvalid":
                case "WebServiceProxyCredentialConflict":
                case "WebServiceProxyNotFound":
                case "RangePathIsFolder":
                case "LogPathIsFolder":
                case "MessagePathIsFolder":
                    return ErrorCategory.InvalidArgument;
                case "WebServiceProxyAuthenticationRequired":
                    return ErrorCategory.AuthenticationError;
                case "OutputFileWriteFailed":
                    return ErrorCategory.WriteError;
                case "WebServiceInsecureUri":
                case "WebServiceRedirectRefused":
                    return ErrorCategory.SecurityError;
                case "WebServiceTimeout":
                    return ErrorCategory.OperationTimeout;
                case "WebServiceRateLimited":
                case "WebServiceAnswerTooLarge":
                case "RangeFileTooLarge":
                case "MessageHeaderTooLarge":
                    return ErrorCategory.LimitsExceeded;
                case "WebServiceUnreachable":
                case "WebServiceHttpError":
                    return ErrorCategory.ConnectionError;
                case "OlderRangeData":
                case "AddressFamilyLost":
                    return ErrorCategory.InvalidOperation;
                case "WebServiceIncompleteAnswer":
                case "WebServiceUnexpectedAnswer":
                    return ErrorCategory.InvalidData;
                default:
                    // The readers' rejections of a file's content: NoRangeTable, NoGlobalRangeList, InvalidJson, RangeFileEmpty, ...
                    return ErrorCategory.InvalidData;
            }
        }
    }
}
