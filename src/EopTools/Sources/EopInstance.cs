using System;

namespace EopTools.Sources
{
    /// <summary>An instance of the Microsoft 365 endpoints web service: the cloud whose addresses it lists.</summary>
    internal enum EopInstance
    {
        Worldwide,
        USGovDoD,
        USGovGCCHigh,
        China,
    }

    /// <summary>
    /// The one list of instances and their names: what -Instance accepts (any case) and completes, the name the web
    /// service's URLs and the cache file carry, and how a recorded name is matched.
    /// </summary>
    internal static class EopInstances
    {
        /// <summary>In the order they are offered.</summary>
        public static readonly EopInstance[] All = { EopInstance.Worldwide, EopInstance.USGovDoD, EopInstance.USGovGCCHigh, EopInstance.China };

        /// <summary>The web service's name of the instance, as in /endpoints/{name}: also its canonical name everywhere else.</summary>
        public static string Name(EopInstance instance)
        {
            switch (instance)
            {
                case EopInstance.Worldwide: return "Worldwide";
                case EopInstance.USGovDoD: return "USGovDoD";
                case EopInstance.USGovGCCHigh: return "USGovGCCHigh";
                case EopInstance.China: return "China";
                default: throw new ArgumentOutOfRangeException(nameof(instance), instance, null);
            }
        }

        /// <summary>The instance a name means, in any case; false for any other text (a number is not an instance).</summary>
        public static bool TryParse(string? text, out EopInstance instance)
        {
            foreach (EopInstance known in All)
            {
                if (string.Equals(Name(known), text, StringComparison.OrdinalIgnoreCase))
                {
                    instance = known;
                    return true;
                }
            }
            instance = default;
            return false;
        }

        /// <summary>As <see cref="TryParse"/>; an unknown name is an <see cref="ArgumentException"/> that lists the known ones.</summary>
        public static EopInstance Parse(string text)
        {
            if (TryParse(text, out EopInstance instance)) return instance;
            throw new ArgumentException("Unknown instance '" + text + "'; use one of " + string.Join(", ", Array.ConvertAll(All, Name)) + ".", nameof(text));
        }

        /// <summary>Whether a name recorded in the cache is this instance's (in any case).</summary>
        public static bool Is(string recorded, EopInstance instance) => string.Equals(recorded, Name(instance), StringComparison.OrdinalIgnoreCase);
    }
}
