using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using EopTools.Sources;

namespace EopTools.Completers
{
    /// <summary>Completes a parameter from a fixed list of values, each with a tooltip.</summary>
    internal abstract class ValueCompleter : IArgumentCompleter
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

    /// <summary>-Culture: the specific cultures (de-DE, en-GB), the ones whose dates Export-Csv writes.</summary>
    internal sealed class CultureCompleter : ValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values()
        {
            var cultures = CultureInfo.GetCultures(CultureTypes.SpecificCultures);
            Array.Sort(cultures, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (CultureInfo culture in cultures)
            {
                string example = new DateTime(2026, 11, 5, 9, 14, 3).ToString(culture);
                yield return new KeyValuePair<string, string>(culture.Name, culture.DisplayName + ": " + example);
            }
        }
    }

    /// <summary>-Instance: the web service's instances.</summary>
    internal sealed class InstanceCompleter : ValueCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values()
        {
            foreach (EopInstance known in EopInstances.All)
            {
                string instance = EopInstances.Name(known);
                yield return new KeyValuePair<string, string>(instance, "The " + instance + " instance of the Microsoft 365 endpoints web service");
            }
        }
    }
}
