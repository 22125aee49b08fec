using System.Management.Automation;
using EopTools.IO;
using EopTools.Parsing;
using EopTools.Sources;

namespace EopTools.Commands
{
    /// <summary>
    /// The one place where the module's failures become ErrorRecords: the logic below the cmdlets stays free of
    /// PowerShell, and every cmdlet gives the same failure the same id and category.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord For(RangeDataException e, object? target)
        {
            ErrorCategory category;
            switch (e.ErrorId)
            {
                case "RangeFileNotFound":
                    category = ErrorCategory.ObjectNotFound;
                    break;
                case "RangeFileUnreadable":
                    category = ErrorCategory.ReadError;
                    break;
                default:
                    category = ErrorCategory.InvalidData;
                    break;
            }
            return new ErrorRecord(e, e.ErrorId, category, target);
        }

        public static ErrorRecord For(OutputFileException e, object? target)
        {
            ErrorCategory category;
            switch (e.ErrorId)
            {
                case "OutputFileExists":
                    category = ErrorCategory.ResourceExists;
                    break;
                case "OutputFileReadOnly":
                    category = ErrorCategory.PermissionDenied;
                    break;
                case "OutputFolderNotFound":
                    category = ErrorCategory.ObjectNotFound;
                    break;
                case "OutputPathIsFolder":
                    category = ErrorCategory.InvalidArgument;
                    break;
                default:
                    category = ErrorCategory.WriteError;
                    break;
            }
            return new ErrorRecord(e, e.ErrorId, category, target);
        }

        public static ErrorRecord For(WebServiceException e, object? target)
        {
            ErrorCategory category;
            switch (e.Failure)
            {
                case WebServiceFailure.InsecureUri:
                    category = ErrorCategory.SecurityError;
                    break;
                case WebServiceFailure.Timeout:
                    category = ErrorCategory.OperationTimeout;
                    break;
                case WebServiceFailure.RateLimited:
                case WebServiceFailure.AnswerTooLarge:
                    category = ErrorCategory.LimitsExceeded;
                    break;
                case WebServiceFailure.IncompleteAnswer:
                case WebServiceFailure.UnexpectedAnswer:
                    category = ErrorCategory.InvalidData;
                    break;
                default:
                    category = ErrorCategory.ConnectionError;
                    break;
            }
            return new ErrorRecord(e, e.ErrorId, category, target);
        }
    }
}
