@{
    Synopsis    = 'Updates the session''s EOP ranges from the Microsoft 365 IP address and URL web service, or from a file, and caches them safely.'
    Description = @(
        'Update-EopIpRange asks the web service for the latest version of an instance (/version/{instance}) and downloads its endpoints (/endpoints/{instance}) only when that version is newer than the cached one, or with -Force. EOP is every Exchange endpoint set whose TCP ports include 25.'
        'The answer is written to the cache only when it is complete, parsable and holds EOP ranges; the cache file is written to a temporary file and renamed into place, and then the session''s ranges are replaced. A new session uses the cache when it holds valid data, else the embedded 2018 page, and then warns once that its answers are from 2018.'
        'When the web service''s version is the cached one, the cache keeps its data and records that the web service confirmed it current now. Importing a file confirms nothing: the same file imported again, or the cached ranges in older or undated data, leave the cache as it was. A session warns once when its data is more than 30 days old by its own account: from the web service''s last confirmation, else from the data''s own date (the page''s or O365IPAddresses.xml''s), else from when it came into the cache.'
        'An update never goes backwards or loses an address family unless -Force says so: data older than the cached data (by the web service''s version, else by the data''s own date; data without a date counts as of when it came into the cache) is refused with the error OlderRangeData, and data without IPv6 (or IPv4) ranges where the cache has some, such as a web service answer requested with NoIPv6, with the error AddressFamilyLost. Both messages name both data sets and their dates; the cache and the session stay as they were.'
        'When the ranges change, the cache keeps the data it replaced (previous.cache), so that the module can tell an address that was EOP in the data before from one that never was.'
        'A redirect is followed (up to 5) only to an HTTPS address, or from a loopback host to a loopback host; any other is the error WebServiceRedirectRefused. A user name or password written into -Uri is never shown in messages or error targets.'
        'Without -Proxy, the system proxy is used, as Invoke-WebRequest uses it: on Windows the Internet Options (WinINET) proxy, elsewhere the HTTP_PROXY, HTTPS_PROXY and NO_PROXY environment variables, or what the session set in [System.Net.WebRequest]::DefaultWebProxy. With -Proxy, every request goes through that proxy; -ProxyCredential or -ProxyUseDefaultCredentials signs in to it. HTTPS goes through the proxy as a CONNECT tunnel, so the proxy sees only the host name.'
        'Every failure (HTTP 429, a server error, a refused connection, a timeout, a proxy that asks for a sign-in (WebServiceProxyAuthenticationRequired), a truncated answer, an HTML page, an answer over 16 MB, a refused redirect) is a terminating error with a stable error id, and the cache and the session''s ranges stay as they were. Nothing is retried in a loop. Concurrent updates follow one another (the cache''s lock file); one that waits more than 30 seconds fails with CacheBusy.'
    )
    Parameters  = @{
        Instance   = 'The web service instance: Worldwide (the default), USGovDoD, USGovGCCHigh or China.'
        Uri        = 'The web service''s base address. The default is https://endpoints.office.com. It must use HTTPS; plain HTTP is allowed only for a loopback host.'
        Path       = 'Imports this file instead of asking the web service, for servers without internet access. Any format Get-EopIpRange -Path reads; its Version is the data''s own: the date of the page or of O365IPAddresses.xml (yyyy-MM-dd), or unversioned for the web service''s JSON saved to a file, which carries no version. The next online update replaces it. When it holds the cached ranges, Updated is false and the cache keeps its data, unless the file is other, newer data of them. A wildcard is expanded and must name exactly one file (else the error PathNotOneFile); a missing or unreadable file ends the command and leaves the cache and the session as they were.'
        LiteralPath = 'As -Path, but taken exactly as typed: wildcard characters such as [ and ] are part of the name. A file piped from Get-ChildItem or Get-Item binds here through its PSPath property.'
        Force      = 'Downloads the endpoints even when the cached version is current, and uses data that would otherwise be refused: data older than the cached data (OlderRangeData) or without an address family the cached data has (AddressFamilyLost).'
        Proxy      = 'The proxy every request goes through, as http://host:port (for example http://proxy.contoso.com:8080). Without it, the system proxy is used, if the system has one for the address; a -Proxy that is not a proxy''s address (another scheme, or a path such as a .pac file) is the error WebServiceProxyUriInvalid.'
        ProxyCredential = 'The user name and password the proxy asks for (Basic, NTLM or Negotiate, as the proxy offers). Used with -Proxy, or with the system proxy; when there is neither for the address, the error is WebServiceProxyNotFound. Cannot be used with -ProxyUseDefaultCredentials (WebServiceProxyCredentialConflict).'
        ProxyUseDefaultCredentials = 'Signs in to the proxy as the user running the command (Windows: Kerberos or NTLM), as a scheduled task running under a service account does.'
        TimeoutSec = 'How long to wait for each answer, in seconds (1 to 3600; the default is 60).'
        WhatIf     = 'Says what would be downloaded or imported, and into which cache file, and changes nothing: no download of /endpoints, no cache file, the session''s ranges as they were, and no output. /version is still asked, to tell whether a newer version exists.'
        Confirm    = 'Asks before downloading or importing the ranges and caching them.'
    }
    Inputs      = @(@{ Type = 'System.IO.FileInfo'; Description = 'One file from Get-ChildItem or Get-Item, imported as with -LiteralPath. Piped input that binds to nothing is an error for each object, and then nothing is done: the web service is not asked instead.' })
    Outputs     = @(@{ Type = 'EopTools.EopRangeUpdate'; Description = 'Instance, PreviousVersion, Version, Updated, RangeCount, CachePath and EndpointSetsChanged. Updated is true only when the EOP ranges changed, so a new web service version that changed only other endpoints, -Force, or the same file imported again give false. EndpointSetsChanged is true when any Microsoft 365 endpoint set of the new answer differs from the cached one (IPs, URLs, ports, category, flags, a set added or removed), so a scheduled script can tell the firewall and proxy teams (Compare-EopEndpointSet says what changed); an imported answer whose other sets changed is cached with Updated false. Nothing is written when -WhatIf stops the update.' })
    Notes       = @(
        'The cache folder is $env:EOPTOOLS_CACHE_DIR (a relative value resolved once against the process''s working folder; a blank one is refused with a warning), else %LOCALAPPDATA%\EopTools on Windows and $XDG_CACHE_HOME/EopTools or ~/.cache/EopTools elsewhere. It holds ranges.cache (a header with the instance, the web service''s version, the address or file it came from, when it was received and when the web service last confirmed it, then the data as received), previous.cache (the data before the ranges last changed, in the same form), ranges.lock, and client-request-id.txt, the one ClientRequestId GUID this machine sends.'
        'Microsoft asks clients to check /version at most once an hour and to download /endpoints only when the version changed; after HTTP 429, wait as long as the error says.'
    )
    Examples    = @(
        @{
            Title   = 'Get the current worldwide ranges'
            Code    = @'
Update-EopIpRange
'@
            Remarks = 'Downloads only when the web service has a newer version than the cache. The output below is for a first update over an empty cache, from a web service whose latest version, 2026120100, lists five EOP ranges; Format-List shows CachePath too.'
            Output  = @'
Instance     PreviousVersion Version     Updated RangeCount EndpointSetsChanged
--------     --------------- -------     ------- ---------- -------------------
Worldwide                    2026120100  True    5          True
'@
        }
        @{
            Title   = 'A scheduled update that keeps a change record and the firewall rule current'
            Code    = @'
$before = Get-EopIpRange
$update = Update-EopIpRange
if ($update.Updated) {
    Export-EopRangeDiff -Reference $before -Path ".\eop-changes-$($update.Version).csv"
    Get-NetFirewallRule -Name EOP-SMTP-In | Set-NetFirewallRule -RemoteAddress (Get-EopIpRange)
}
'@
            Remarks = 'Run it hourly or daily from a scheduled task; it downloads and changes something only when Microsoft publishes a new version. It writes nothing itself: the change record goes to its file.'
        }
        @{
            Title   = 'Import the ranges on a server without internet access'
            Code    = @'
Update-EopIpRange -Path \\fileserver\eop\endpoints-worldwide.json
'@
            Remarks = 'Download /endpoints/Worldwide elsewhere and import the file; every cmdlet in this and later sessions then uses it. The output below is for a saved answer of five EOP ranges over an empty cache: a saved answer carries no version of its own.'
            Output  = @'
Instance     PreviousVersion Version     Updated RangeCount EndpointSetsChanged
--------     --------------- -------     ------- ---------- -------------------
Worldwide                    unversioned True    5          True
'@
        }
        @{
            Title   = 'Update through the company''s proxy, signed in as the account the task runs as'
            Code    = @'
Update-EopIpRange -Proxy http://proxy.contoso.com:8080 -ProxyUseDefaultCredentials
'@
            Remarks = 'Every request goes through the proxy; a proxy that still asks for a sign-in is the error WebServiceProxyAuthenticationRequired, and then -ProxyCredential (Get-Credential) gives a user name and password instead. The output below is for the first update over an empty cache, as in the first example.'
            Output  = @'
Instance     PreviousVersion Version     Updated RangeCount EndpointSetsChanged
--------     --------------- -------     ------- ---------- -------------------
Worldwide                    2026120100  True    5          True
'@
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Export-EopRangeDiff')
}
