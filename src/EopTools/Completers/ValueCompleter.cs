using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EopTools.Sources;

namespace EopTools.Completers
{
    /// <summary>Completes a parameter from a fixed list of values, each with a tooltip.</summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (KeyValuePair<string, string> value in Values())
            {
                if (value.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(value.Key, value.Key, CompletionResultType.ParameterValue, value.Value);
                }
            }
        }

        /// <summary>Each value and its tooltip, in the order to offer them.</summary>
        protected abstract IEnumerable<KeyValuePair<string, string>> Values();
    }

    /// <summary>-Instance: the web service's instances.</summary>
    public sealed class InstanceCompleter : ValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values()
        {
            foreach (string instance in RangeUpdater.Instances)
            {
                yield return new KeyValuePair<string, string>(instance, "The " + instance + " instance of the Microsoft 365 endpoints web service");
            }
        }
    }
}
