@{
    Synopsis    = 'Compares two answers of the Microsoft 365 web service endpoint set by endpoint set: sets added and removed, and the IPs, URLs, ports, category and flags that changed.'
    Description = @(
        'Compare-EopEndpointSet writes one EopTools.EopEndpointSetChange object per endpoint set that was added, removed or changed between the older answer (-ReferencePath) and the newer one (-DifferencePath, or the session''s data that Update-EopIpRange fetched or imported), in the order of the sets'' ids.'
        'A changed set names what changed in Properties: Ips, Urls, TcpPorts, UdpPorts, Category, Required, ExpressRoute. Its addresses are compared in address space, as Export-EopRangeDiff compares the EOP ranges: AddressesAdded and AddressesRemoved are the fewest CIDR prefixes of what the set gained and lost, so 52.96.0.0/14 split into two /15s is no change. UrlsAdded and UrlsRemoved are the URLs as published (host names compared without case). Ports are compared whatever their order or spacing: "443,80" and "80, 443" are the same.'
        'It compares like with like. Answers of two instances are refused with the error EndpointSetsOfAnotherInstance: set ids differ between instances. It is told by the instance each answer was fetched or imported as, and for files by the EOP set, whose id differs per instance (10 Worldwide, 6 US Government, 2 China). An answer requested without IPv6 (NoIPv6) against one with IPv6 is refused with the error EndpointSetsWithoutIPv6, as every IPv6 range would read as removed or added, unless -IPv4Only says to compare the IPv4 part only.'
        'Why a cmdlet beside Export-EopRangeDiff and not a switch of it: its changes are sets and what changed in them, not prefixes of a table; only the web service''s answer has sets; and it refuses unlike data where the EOP diff compares what both lists carry. Export-EopRangeDiff''s EOP change record stays exactly as it is.'
    )
    Parameters  = @{
        ReferencePath         = 'The older answer: a web service /endpoints JSON file. A wildcard is expanded and must name exactly one file. A file that is not such an answer (the docs page, a plain list, O365IPAddresses.xml) is the error NoEndpointSets.'
        ReferenceLiteralPath  = 'As -ReferencePath, but taken exactly as typed: wildcard characters such as [ and ] are part of the name.'
        DifferencePath        = 'The newer answer, as -ReferencePath takes it. Without it (and -DifferenceLiteralPath), the session''s data: the answer Update-EopIpRange last fetched or imported.'
        DifferenceLiteralPath = 'As -DifferencePath, but taken exactly as typed: wildcard characters such as [ and ] are part of the name.'
        IPv4Only              = 'Compares only the IPv4 part of the sets'' IPs: the consent to compare an answer requested without IPv6 with one that has IPv6 (else the error EndpointSetsWithoutIPv6). Answers of two instances are refused even so.'
    }
    Inputs      = @(@{ Type = 'None'; Description = 'Nothing is taken from the pipeline: both answers are files, or the session''s data.' })
    Outputs     = @(@{ Type = 'EopTools.EopEndpointSetChange'; Description = 'One object per set added, removed or changed: Change, Id, ServiceArea, Category, Properties, AddressesAdded, AddressesRemoved, UrlsAdded, UrlsRemoved, ReferenceSet, DifferenceSet, ReferenceDataSet and DifferenceDataSet. Its lists write their values joined by "; " in Export-Csv.' })
    Notes       = @(
        'Update-EopIpRange keeps the answer as received in its cache; save a copy of each answer you fetch (or keep the files you import) to compare two versions later.'
        'The errors EndpointSetsOfAnotherInstance, EndpointSetsWithoutIPv6 and NoEndpointSets end the command before anything is written.'
    )
    Examples    = @(
        @{
            Title   = 'What changed in the Exchange Online sets between the answer of 2022 and a NoIPv6 answer of 2025'
            Code    = @'
Compare-EopEndpointSet -ReferencePath .\microsoft365-worldwide.json -DifferencePath .\m365.json -IPv4Only |
    Where-Object ServiceArea -EQ Exchange
'@
            Remarks = 'Of the 55 sets that changed in all (24 removed, 2 added, 29 changed), eight are Exchange''s: set 1 gained outlook.cloud.microsoft and UDP 443, set 2 lists 143, 587, 993 and 995 (587 alone before) and is no longer required, set 10 (EOP) gained *.mx.microsoft, and sets 3, 5, 6 and 154 are gone. The 2025 answer was requested without IPv6, so without -IPv4Only the command stops with EndpointSetsWithoutIPv6.'
            Output  = @'
Change    Id ServiceArea Category Properties
------    -- ----------- -------- ----------
Changed    1 Exchange    Optimize Urls, UdpPorts
Changed    2 Exchange    Allow    Urls, TcpPorts, Required
Removed    3 Exchange    Default
Removed    5 Exchange    Allow
Removed    6 Exchange    Allow
Changed    8 Exchange    Default  Urls
Changed   10 Exchange    Allow    Urls
Removed  154 Exchange    Default
'@
        }
        @{
            Title   = 'For the firewall team: the sets whose addresses changed'
            Code    = @'
Compare-EopEndpointSet .\microsoft365-worldwide.json .\m365.json -IPv4Only |
    Where-Object { $_.AddressesAdded.Count -or $_.AddressesRemoved.Count } |
    Select-Object Id, Change, @{ n = 'Added'; e = { $_.AddressesAdded.Count } }, @{ n = 'Removed'; e = { $_.AddressesRemoved.Count } }
'@
            Remarks = 'Ten sets: 5, 6, 13, 22 and 65 were removed with their IPs; 11, 12, 46, 56 and 64 changed them (64 gained 13.107.6.192/32 and 13.107.9.192/32 and lost 52.108.0.0/14). AddressesAdded and AddressesRemoved hold the prefixes, the fewest CIDR blocks of what changed; Export-Csv writes them joined by "; " for the ticket.'
            Output  = @'
 Id Change  Added Removed
 -- ------  ----- -------
  5 Removed     0      11
  6 Removed     0      11
 11 Changed     0       2
 12 Changed     0       4
 13 Removed     0       5
 22 Removed     0       5
 46 Changed     0       5
 56 Changed     2       0
 64 Changed     2       1
 65 Removed     0       1
'@
        }
        @{
            Title   = 'For the proxy team: the URLs added to the Optimize and Allow sets'
            Code    = @'
Compare-EopEndpointSet .\microsoft365-worldwide.json .\m365.json -IPv4Only |
    Where-Object Category -In 'Optimize', 'Allow' | ForEach-Object UrlsAdded
'@
            Remarks = 'The URLs added to the sets Microsoft asks to bypass the proxy for, wildcards as published, in the order of the sets'' ids (1, 2, 10, 12, 64).'
            Output  = @'
outlook.cloud.microsoft
outlook.office365.com
*.mx.microsoft
*.teams.cloud.microsoft
teams.cloud.microsoft
purview.microsoft.com
'@
        }
    )
    Links       = @('about_EopTools', 'Get-EopEndpointSet', 'Export-EopRangeDiff', 'Update-EopIpRange')
}
