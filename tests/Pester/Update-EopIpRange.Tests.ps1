BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    Add-Type -Path (Join-Path $PSScriptRoot '../TestServer/FakeEndpointsService.cs')
    Add-Type -Path (Join-Path $PSScriptRoot '../TestServer/LoopbackProxy.cs')
    $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
    $script:Fixture = Join-Path $Fixtures 'endpoints.json'

    function script:Use-EmptyCache {
        $env:EOPTOOLS_CACHE_DIR = Join-Path $TestDrive ([guid]::NewGuid())
        $env:EOPTOOLS_CACHE_DIR
    }

    # What a scheduled script sees: the cache folder's files with their hashes, and the session's answers.
    function script:Get-State {
        [pscustomobject]@{
            Files   = @(Get-ChildItem $env:EOPTOOLS_CACHE_DIR -File | ForEach-Object { '{0} {1}' -f $_.Name, (Get-FileHash $_.FullName).Hash })
            Answers = @(Test-EopIpAddress -IPAddress '40.107.200.1', '40.93.1.1', '23.103.132.1', '2a01:111:f400:1::1' | ForEach-Object { "$($_.Input)=$($_.Range)" })
        }
    }

    function script:Invoke-ChildPwsh([string] $Command) {
        Invoke-Pwsh -ArgumentList '-Command', "Import-Module '$ModulePath'; $Command" 2>&1
    }

    # The cache file's header lines and its data as received.
    function script:Read-CacheFile([string] $Path) {
        $text = [System.IO.File]::ReadAllText($Path)
        $end = $text.IndexOf("`n`n")
        [pscustomobject]@{ Header = $text.Substring(0, $end).Split("`n"); Content = $text.Substring($end + 2) }
    }

    # Moves the cache's last confirmation (or when its data came) back by some days, as if no update had confirmed it since.
    function script:Set-CacheConfirmed([string] $Path, [int] $DaysAgo, [string] $Key = 'confirmed') {
        $text = [System.IO.File]::ReadAllText($Path)
        $time = [datetime]::UtcNow.AddDays(-$DaysAgo).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture)
        [System.IO.File]::WriteAllText($Path, ($text -replace "(?m)^$($Key): .*$", "$($Key): $time"))
    }
    function script:Set-CacheReceived([string] $Path, [int] $DaysAgo) {
        Set-CacheConfirmed $Path $DaysAgo -Key 'received'
    }
}

Describe 'Update-EopIpRange' {
    Context 'Web service' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Real2022)

            # Caches the service's answer, then corrupts its data; returns the warning a new session must give, as a pattern.
            function script:Use-CorruptCache {
                $null = Update-EopIpRange -Uri $Service.BaseUri
                $path = Join-Path $Cache 'ranges.cache'
                $text = [System.IO.File]::ReadAllText($path)
                [System.IO.File]::WriteAllText($path, $text.Substring(0, $text.IndexOf("`n`n") + 2) + '[{"id":10,"serviceArea":"Exch')
                "*WARNING: The cached ranges in '$path' cannot be used (*); they are passed over. Using the embedded seed instead.*"
            }
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Version = '2022083100'
            $Service.Fault = 'Normal'
        }

        It 'downloads the worldwide EOP set, caches it and swaps the session''s ranges' {
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result | Should -BeOfType ([EopTools.EopRangeUpdate])
            $result.Instance | Should -Be 'Worldwide'
            $result.PreviousVersion | Should -BeNull
            $result.Version | Should -Be '2022083100'
            $result.Updated | Should -BeTrue
            $result.RangeCount | Should -Be 6
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges.cache')
            $file = Read-CacheFile $result.CachePath
            $file.Header[0..3] | Should -Be @('EopTools range cache 2', 'instance: Worldwide', 'version: 2022083100', "source: $($Service.BaseUri)endpoints/Worldwide")
            [datetime]::ParseExact($file.Header[4], "'received: 'yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture, 'AdjustToUniversal,AssumeUniversal') |
                Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-5))
            $file.Header[5] | Should -Be ($file.Header[4] -replace '^received', 'confirmed')
            $file.Content | Should -BeExactly ([System.IO.File]::ReadAllText($Real2022))
            (Get-EopIpRange).Prefix | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48')
            (Get-EopIpRange)[0].EndpointSet.Id | Should -Be 10
            (Get-EopIpRange)[0].DataSet.Version | Should -Be '2022083100'
            (Get-EopIpRange)[0].DataSet.Source | Should -Be "$($Service.BaseUri)endpoints/Worldwide"
            (Test-EopIpAddress 40.107.200.1).Range.Prefix | Should -Be '40.107.0.0/16'
        }

        It 'downloads nothing when the version is unchanged' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result.Updated | Should -BeFalse
            $result.PreviousVersion | Should -Be '2022083100'
            $result.Version | Should -Be '2022083100'
            $result.RangeCount | Should -Be 6
            $Service.EndpointsRequests | Should -Be $downloads
        }

        It 'downloads a newer version, keeps only it in the cache, and says Updated only when the EOP ranges changed' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $Service.Version = '2022090100'
            $sameRanges = Update-EopIpRange -Uri $Service.BaseUri
            $sameRanges.Updated | Should -BeFalse
            $sameRanges.PreviousVersion | Should -Be '2022083100'
            $sameRanges.Version | Should -Be '2022090100'
            (Read-CacheFile (Join-Path $Cache 'ranges.cache')).Header[2] | Should -Be 'version: 2022090100'

            $Service.Version = '2022100100'
            $Service.EndpointsBody = Get-Content -Raw (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json')
            try {
                $changed = Update-EopIpRange -Uri $Service.BaseUri -Force
            }
            finally {
                $Service.EndpointsBody = Get-Content -Raw $Real2022
            }
            $changed.Updated | Should -BeTrue
            $changed.PreviousVersion | Should -Be '2022090100'
            $changed.Version | Should -Be '2022100100'
            (Get-ChildItem $Cache -Filter 'ranges*').Name | Sort-Object | Should -Be @('ranges.cache', 'ranges.lock')
        }

        It 'refuses a version older than the cached one with OlderRangeData, saying both, and takes it with -Force' {
            $Service.Version = '2022090100'
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $before = Get-State
            $Service.Version = '2022083100'
            $downloads = $Service.EndpointsRequests
            $failure = { Update-EopIpRange -Uri $Service.BaseUri } | Should -Throw -ErrorId 'OlderRangeData,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike ("*$($Service.BaseUri)endpoints/Worldwide (version 2022083100 of 2022-08-31)*older than the cached Worldwide ranges " +
                "(version 2022090100 of 2022-09-01, from '$($Service.BaseUri)endpoints/Worldwide')*Nothing was changed*-Force.")
            $failure.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $Service.EndpointsRequests | Should -Be $downloads
            (Get-State).Files | Should -Be $before.Files

            $forced = Update-EopIpRange -Uri $Service.BaseUri -Force
            $forced.PreviousVersion | Should -Be '2022090100'
            $forced.Version | Should -Be '2022083100'
        }

        It 'refuses an answer without IPv6 over one with IPv6 with AddressFamilyLost, and takes it with -Force' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $before = Get-State
            $Service.Version = '2022090100'
            $Service.EndpointsBody = Get-Content -Raw (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json')
            try {
                { Update-EopIpRange -Uri $Service.BaseUri } | Should -Throw -ErrorId 'AddressFamilyLost,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage (
                    "Version 2022090100 of the web service at $($Service.BaseUri)endpoints/Worldwide has no IPv6 EOP range (it carries no IPv6 at all, as a web service " +
                    "answer requested with NoIPv6 does); the cached Worldwide ranges (version 2022083100 of 2022-08-31, from '$($Service.BaseUri)endpoints/Worldwide') have 2.*")
                $after = Get-State
                $after.Files | Should -Be $before.Files
                $after.Answers[3] | Should -Be '2a01:111:f400:1::1=2a01:111:f400::/48'
                $forced = Update-EopIpRange -Uri $Service.BaseUri -Force
            }
            finally {
                $Service.EndpointsBody = Get-Content -Raw $Real2022
            }
            $forced.Updated | Should -BeTrue
            (Get-EopIpRange).AddressFamily | Sort-Object -Unique | Should -Be 'IPv4'
        }

        It 'keeps the data it replaced, for the session and a new session, when the ranges change' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $session = (Get-Command Get-EopIpRange).ImplementingType.Assembly.GetType('EopTools.Index.EopSession', $true)
            $previous = $session.GetProperty('Previous', [System.Reflection.BindingFlags] 'Static, Public')
            $previous.GetValue($null) | Should -BeNullOrEmpty
            $Service.Version = '2022090100'
            $Service.EndpointsBody = (Get-Content -Raw $Real2022).Replace('"104.47.0.0/17",', '')
            try {
                $null = Update-EopIpRange -Uri $Service.BaseUri
            }
            finally {
                $Service.EndpointsBody = Get-Content -Raw $Real2022
            }
            (Get-EopIpRange).Prefix | Should -Not -Contain '104.47.0.0/17'
            $previous.GetValue($null).DataSet.Version | Should -Be '2022083100'
            $previous.GetValue($null).Ranges.Prefix | Should -Contain '104.47.0.0/17'
            $output = Invoke-ChildPwsh ("`$s = (Get-Command Get-EopIpRange).ImplementingType.Assembly.GetType('EopTools.Index.EopSession', `$true); " +
                "`$s.GetProperty('Previous').GetValue(`$null).DataSet.Version")
            $output | Should -Be '2022083100'
        }

        It 'downloads again with -Force' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri -Force
            $result.Updated | Should -BeFalse -Because 'the answer downloaded again holds the same ranges'
            $result.Version | Should -Be '2022083100'
            $Service.EndpointsRequests | Should -Be ($downloads + 1)
        }

        It 'sends one ClientRequestId per machine and keeps it beside the cache' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $first = $Service.LastClientRequestId
            $first | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            (Get-Content (Join-Path $Cache 'client-request-id.txt')) | Should -Be $first
            $null = Update-EopIpRange -Uri $Service.BaseUri -Force
            $Service.LastClientRequestId | Should -Be $first
        }

        It 'neither downloads nor writes with -WhatIf' {
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri -WhatIf
            $result | Should -BeNullOrEmpty
            Join-Path $Cache 'ranges.cache' | Should -Not -Exist
            $Service.EndpointsRequests | Should -Be $downloads
        }

        It 'is loaded by a new session from the cache, named by the address it came from' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $output = Invoke-ChildPwsh '(Get-EopIpRange).Prefix -join ","; (Get-EopIpRange)[0].DataSet.Source'
            $output[0] | Should -Be '40.92.0.0/15,40.107.0.0/16,52.100.0.0/14,104.47.0.0/17,2a01:111:f400::/48,2a01:111:f403::/48'
            $output[1] | Should -Be "$($Service.BaseUri)endpoints/Worldwide"
        }

        It 'falls back to the embedded seed with a warning when the cache is corrupt' {
            $warning = Use-CorruptCache
            $output = Invoke-ChildPwsh '(Get-EopIpRange).Count; (Get-EopIpRange)[0].DataSet.Source'
            @($output | Where-Object { "$_" -like $warning }).Count | Should -Be 1
            $output[-2..-1] | Should -Be @('24', 'embedded seed')
        }

        It 'warns of a corrupt cache from Export-EopRangeDiff when it compares with the session''s ranges' {
            $warning = Use-CorruptCache
            $output = Invoke-ChildPwsh "Export-EopRangeDiff -ReferencePath '$(Join-Path $Fixtures 'ranges.txt')' | Out-Null"
            @($output | Where-Object { "$_" -like $warning }).Count | Should -Be 1
        }

        It 'records that a NoIPv6 answer carries no IPv6' {
            $Service.EndpointsBody = Get-Content -Raw (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json')
            try {
                $null = Update-EopIpRange -Uri $Service.BaseUri
                (Get-EopIpRange)[0].DataSet.HasIPv6 | Should -BeFalse
                (Get-EopIpRange).Prefix | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17')
            }
            finally {
                $Service.EndpointsBody = Get-Content -Raw $Real2022
            }
        }
    }

    Context 'Faults' {
        BeforeAll {
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Fixture)
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Fault = 'Normal'
            $Service.Version = '2026110100'
            $null = Update-EopIpRange -Uri $Service.BaseUri -WarningAction SilentlyContinue
            $Service.Version = '2026120100'
        }

        It 'fails with <ErrorId> on <Fault> and leaves the cache and the session as they were' -ForEach @(
            @{ Fault = 'RateLimited'; ErrorId = 'WebServiceRateLimited'; Message = '*HTTP 429*Retry-After*'; TimeoutSec = 60 }
            @{ Fault = 'ServerError'; ErrorId = 'WebServiceHttpError'; Message = '*HTTP 503*'; TimeoutSec = 60 }
            @{ Fault = 'Truncated'; ErrorId = 'WebServiceIncompleteAnswer'; Message = '*broke off*'; TimeoutSec = 60 }
            @{ Fault = 'Html'; ErrorId = 'WebServiceUnexpectedAnswer'; Message = '*HTML page*'; TimeoutSec = 60 }
            @{ Fault = 'TooLarge'; ErrorId = 'WebServiceAnswerTooLarge'; Message = '*16777216*'; TimeoutSec = 60 }
            @{ Fault = 'NoEop'; ErrorId = 'WebServiceUnexpectedAnswer'; Message = '*no EOP ranges*'; TimeoutSec = 60 }
            @{ Fault = 'Slow'; ErrorId = 'WebServiceTimeout'; Message = '*within 1 seconds*'; TimeoutSec = 1 }
        ) {
            $before = Get-State
            $Service.Fault = $Fault
            { Update-EopIpRange -Uri $Service.BaseUri -TimeoutSec $TimeoutSec } |
                Should -Throw -ErrorId "$ErrorId,EopTools.Commands.UpdateEopIpRangeCommand" -ExpectedMessage $Message
            $after = Get-State
            $after.Files | Should -Be $before.Files
            $after.Answers | Should -Be $before.Answers
            $after.Answers[0] | Should -Be '40.107.200.1='
        }

        It 'warns once of a corrupt cache, which it looks at again under the lock and replaces' {
            $path = Join-Path $Cache 'ranges.cache'
            [System.IO.File]::WriteAllText($path, "EopTools range cache 3`n")
            $result = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Updated | Should -BeTrue
            $result.PreviousVersion | Should -BeNull
            $result.Version | Should -Be '2026120100'
            $passedOver = @(@($warnings.Message) -like 'The cached ranges*')
            $passedOver.Count | Should -Be 1
            $passedOver[0] | Should -BeLike "*'$([WildcardPattern]::Escape($path))'*line 1 is 'EopTools range cache 3', not 'EopTools range cache 2'*passed over*"
        }

        It 'warns once of a corrupt file of an earlier version while it confirms the older one' {
            Remove-Item -LiteralPath (Join-Path $Cache 'ranges.cache')
            $corrupt = Join-Path $Cache 'ranges-Worldwide-2026100100.json'
            Copy-Item -LiteralPath $Fixture -Destination (Join-Path $Cache 'ranges-Worldwide-2026110100.json')
            $null = New-Item -ItemType File -Path $corrupt
            (Get-Item -LiteralPath $corrupt).LastWriteTimeUtc = [datetime]::UtcNow.AddMinutes(1)
            $Service.Version = '2026110100'
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable warnings -WarningAction SilentlyContinue
            $result.Updated | Should -BeFalse
            $result.Version | Should -Be '2026110100'
            $Service.EndpointsRequests | Should -Be $downloads
            $passedOver = @(@($warnings.Message) -like 'The cached ranges*')
            $passedOver.Count | Should -Be 1
            $passedOver[0] | Should -BeLike "*'$([WildcardPattern]::Escape($corrupt))'*is empty, or is not a regular file*passed over*"
        }

        It 'says when to retry after HTTP 429 and does not retry' {
            $Service.Fault = 'RateLimited'
            $requests = $Service.EndpointsRequests
            $failure = { Update-EopIpRange -Uri $Service.BaseUri } | Should -Throw -ErrorId 'WebServiceRateLimited,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -Match 'try again after \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(in 3600 seconds, as its Retry-After says\)'
            $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $Service.EndpointsRequests | Should -Be ($requests + 1)
        }

        It 'fails with WebServiceUnreachable when nothing listens, and names -Proxy and -Path as the next steps' {
            $before = Get-State
            $refused = [uri]"http://127.0.0.1:$([EopTools.TestServer.FakeEndpointsService]::FreePort())/"
            $failure = { Update-EopIpRange -Uri $refused } | Should -Throw -ErrorId 'WebServiceUnreachable,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike ("The web service at $($refused)version/Worldwide cannot be reached: *. If this server reaches the Internet through a proxy, give it with -Proxy " +
                '(and -ProxyCredential or -ProxyUseDefaultCredentials if it asks for a sign-in); on a server without Internet access, download the file elsewhere and import it with Update-EopIpRange -Path <file>. Nothing was changed.')
            (Get-State).Files | Should -Be $before.Files
        }

        It 'follows a redirect from the loopback server to itself' {
            $Service.Fault = 'RedirectLoopback'
            $result = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable fixtureWarnings -WarningAction SilentlyContinue
            $fixtureWarnings | Should -BeLike "*: malformed range in endpoint set 10 (host bits are set (the network would be 192.0.2.0/25)); skipped: '192.0.2.1/25'"
            $result.Version | Should -Be '2026120100'
            (Test-EopIpAddress 192.0.2.200).Range.Prefix | Should -Be '192.0.2.128/25'
        }

        It 'refuses a redirect to plain HTTP on a host that is not loopback, without contacting it' {
            $before = Get-State
            $Service.Fault = 'RedirectOffLoopback'
            $failure = { Update-EopIpRange -Uri $Service.BaseUri -TimeoutSec 5 } |
                Should -Throw -ErrorId 'WebServiceRedirectRefused,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike ("*$($Service.BaseUri)endpoints/Worldwide answered HTTP 302 (Found) to " +
                'http://192.0.2.1/endpoints/Worldwide, which is not HTTPS*not followed. Nothing was changed.')
            $failure.CategoryInfo.Category | Should -Be 'SecurityError'
            $after = Get-State
            $after.Files | Should -Be $before.Files
            $after.Answers | Should -Be $before.Answers
        }

        It 'stops following redirects after five' {
            $Service.Fault = 'RedirectLoop'
            $failure = { Update-EopIpRange -Uri $Service.BaseUri } |
                Should -Throw -ErrorId 'WebServiceRedirectRefused,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike '*answered HTTP 302 (Found) to *, after 5 redirects already; it was not followed. Nothing was changed.'
        }

        It 'never shows a password written into the address' {
            $port = [EopTools.TestServer.FakeEndpointsService]::FreePort()
            $failure = { Update-EopIpRange -Uri "http://admin:S3cret@127.0.0.1:$port/" } |
                Should -Throw -ErrorId 'WebServiceUnreachable,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike "*http://127.0.0.1:$port/version/Worldwide*cannot be reached*"
            $failure.TargetObject | Should -Be "http://127.0.0.1:$port/"
            { Update-EopIpRange -Uri 'http://admin:S3cret@endpoints.office.com' } | Should -Throw -ErrorId 'WebServiceInsecureUri,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru |
                ForEach-Object { "$($_.Exception.Message) $($_.TargetObject)" } | Should -Not -BeLike '*S3cret*'
        }

        It 'refuses plain HTTP to a host that is not loopback' {
            { Update-EopIpRange -Uri 'http://endpoints.office.com' } |
                Should -Throw -ErrorId 'WebServiceInsecureUri,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage '*must use HTTPS*'
        }
    }

    Context 'Proxy' {
        BeforeAll {
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Fixture)
            $script:Credential = [pscredential]::new('eopadmin', (ConvertTo-SecureString 'Pa55:word' -AsPlainText -Force))
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Version = '2026120100'
        }

        It 'goes through the proxy given with -Proxy and signs in with -ProxyCredential' {
            $proxy = [EopTools.TestServer.LoopbackProxy]::new('eopadmin', 'Pa55:word')
            try {
                $result = Update-EopIpRange -Uri $Service.BaseUri -Proxy $proxy.Uri -ProxyCredential $Credential -WarningVariable warnings -WarningAction SilentlyContinue
                @($warnings).Count | Should -Be 1 -Because 'the fixture has one malformed range'
                $result.Version | Should -Be '2026120100'
                $result.RangeCount | Should -Be 5
                $proxy.Requests | Should -Be @(
                    "GET $($Service.BaseUri)version/Worldwide 407", "GET $($Service.BaseUri)version/Worldwide forwarded"
                    "GET $($Service.BaseUri)endpoints/Worldwide 407", "GET $($Service.BaseUri)endpoints/Worldwide forwarded")
            }
            finally {
                $proxy.Dispose()
            }
        }

        It 'fails with WebServiceProxyAuthenticationRequired when the proxy asks for a sign-in, and leaves the cache as it was' {
            $proxy = [EopTools.TestServer.LoopbackProxy]::new('eopadmin', 'Pa55:word')
            try {
                $failure = { Update-EopIpRange -Uri $Service.BaseUri -Proxy $proxy.Uri } |
                    Should -Throw -ErrorId 'WebServiceProxyAuthenticationRequired,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
                $failure.Exception.Message | Should -BeLike "*proxy $($proxy.Uri) *HTTP 407*-ProxyCredential*-ProxyUseDefaultCredentials*Nothing was changed."
                $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
                Join-Path $Cache 'ranges.cache' | Should -Not -Exist
            }
            finally {
                $proxy.Dispose()
            }
        }

        It 'uses the system proxy by default, with the credentials written into it' {
            $proxy = [EopTools.TestServer.LoopbackProxy]::new('eopadmin', 'Pa55:word')
            $env:HTTP_PROXY = "http://eopadmin:Pa55%3Aword@127.0.0.1:$($proxy.Uri.Port)"
            try {
                $output = Invoke-ChildPwsh "(Update-EopIpRange -Uri '$($Service.BaseUri)' -WarningAction SilentlyContinue).Version"
                $output | Should -Be '2026120100'
                $proxy.Requests | Should -Contain "GET $($Service.BaseUri)endpoints/Worldwide forwarded"
            }
            finally {
                Remove-Item Env:HTTP_PROXY
                $proxy.Dispose()
            }
        }

        It 'names the proxy that cannot be reached' {
            $absent = [uri]"http://127.0.0.1:$([EopTools.TestServer.FakeEndpointsService]::FreePort())/"
            { Update-EopIpRange -Uri $Service.BaseUri -Proxy $absent -ProxyUseDefaultCredentials } |
                Should -Throw -ErrorId 'WebServiceUnreachable,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage "The web service at $($Service.BaseUri)version/Worldwide cannot be reached through the proxy $absent*"
        }

        It 'fails with <ErrorId> for <Name>' -ForEach @(
            @{ Name = 'both kinds of proxy credential'; ErrorId = 'WebServiceProxyCredentialConflict'; Arguments = @{ Proxy = 'http://127.0.0.1:9/'; ProxyUseDefaultCredentials = $true } }
            @{ Name = 'a proxy address that is not one'; ErrorId = 'WebServiceProxyUriInvalid'; Arguments = @{ Proxy = 'http://127.0.0.1:9/proxy.pac' } }
        ) {
            { Update-EopIpRange -Uri $Service.BaseUri -ProxyCredential $Credential @Arguments } |
                Should -Throw -ErrorId "$ErrorId,EopTools.Commands.UpdateEopIpRangeCommand"
        }
    }

    Context 'Parameters' {
        It 'completes -Instance with the web service''s instances and says what each is' {
            $line = 'Update-EopIpRange -Instance US'
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $found.CompletionText | Should -Be @('USGovDoD', 'USGovGCCHigh')
            $found[0].ToolTip | Should -Be 'The USGovDoD instance of the Microsoft 365 endpoints web service'
        }

        It 'fails with UnknownInstance for an instance the service does not have' {
            { Update-EopIpRange -Instance Germany -Path $Fixture } |
                Should -Throw -ErrorId 'UnknownInstance,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage "*Unknown instance 'Germany'*"
        }
    }

    Context 'Offline import' {
        BeforeEach {
            $script:Cache = Use-EmptyCache
        }

        It 'imports an /endpoints file for a server without internet' {
            $result = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $result.Updated | Should -BeTrue
            $result.Version | Should -Be 'unversioned'
            $result.PreviousVersion | Should -BeNullOrEmpty
            $result.RangeCount | Should -Be 5
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges.cache')
            (Test-EopIpAddress 192.0.2.200).Range.Prefix | Should -Be '192.0.2.128/25'
        }

        It 'imports the legacy XML' {
            $result = Update-EopIpRange -Path (Join-Path $Fixtures 'O365IPAddresses.xml') -Instance USGovDoD -WarningAction SilentlyContinue
            $result.Instance | Should -Be 'USGovDoD'
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges.cache')
            $result.Version | Should -Be '2018-06-02'
            (Read-CacheFile $result.CachePath).Header[1..3] | Should -Be @('instance: USGovDoD', 'version: none', "source: $(Join-Path $Fixtures 'O365IPAddresses.xml')")
            (Read-CacheFile $result.CachePath).Header[5] | Should -Be 'confirmed: never' 
            (Get-EopIpRange).Prefix | Should -Be @('192.0.2.0/24', '203.0.113.7/32', '2001:db8:f40::/48')
        }

        It 'says Updated false when the same file is imported again, so a scheduled task changes nothing' {
            $first = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $again = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $first.Updated | Should -BeTrue
            $again.Updated | Should -BeFalse
            $again.PreviousVersion | Should -Be 'unversioned'
            $again.Version | Should -Be 'unversioned'
            $again.RangeCount | Should -Be 5
            "$again" | Should -Be 'Worldwide EOP ranges unchanged at unversioned (5 ranges)'
        }

        It 'refuses the 2018 XML over the 2022 answer with OlderRangeData, saying both dates, and imports it with -Force' -Tag 'SharedData' {
            Assert-SharedData
            $xml = Join-Path $SharedData 'endpoints-service/legacy-xml-2018/O365IPAddresses.xml'
            $null = Update-EopIpRange -Path $Real2022
            $before = Get-State
            $failure = { Update-EopIpRange -Path $xml } | Should -Throw -ErrorId 'OlderRangeData,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -BeLike "*'$xml'*2018-06-02*older*Worldwide*$([datetime]::UtcNow.ToString('yyyy-MM-dd'))*'$Real2022'*Nothing was changed*-Force*"
            $failure.TargetObject | Should -Be $xml
            $after = Get-State
            $after.Files | Should -Be $before.Files
            $after.Answers | Should -Be $before.Answers

            $forced = Update-EopIpRange -Path $xml -Force
            $forced.Updated | Should -BeTrue
            $forced.PreviousVersion | Should -Be 'unversioned'
            $forced.Version | Should -Be '2018-06-02'
            (Test-EopIpAddress 23.103.132.1).Range.Prefix | Should -Be '23.103.132.0/22'
        }

        It 'refuses the NoIPv6 answer of 2025 over the 2022 answer with AddressFamilyLost' -Tag 'SharedData' {
            Assert-SharedData
            $noIPv6 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json'
            $null = Update-EopIpRange -Path $Real2022
            $before = Get-State
            { Update-EopIpRange -Path $noIPv6 } | Should -Throw -ErrorId 'AddressFamilyLost,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage (
                "The data in '$noIPv6' has no IPv6 EOP range (it carries no IPv6 at all, as a web service answer requested with NoIPv6 does); the cached " +
                "Worldwide ranges (no date of its own, received on *, from '$Real2022') have 2. It would leave Get-EopIpRange, and a firewall rule or connector " +
                'set from it, without IPv6. Nothing was changed; to use it anyway, add -Force.')
            (Get-State).Files | Should -Be $before.Files
            (Get-EopIpRange).Prefix | Should -Contain '2a01:111:f403::/48'
        }

        It 'fails with <ErrorId> for <Name> and leaves the cache as it was' -ForEach @(
            @{ Name = 'a missing file'; File = 'missing.json'; ErrorId = 'RangeFileNotFound' }
            @{ Name = 'a page without a table'; File = 'page-no-table.md'; ErrorId = 'NoRangeTable' }
            @{ Name = 'a page with regional tables but no global list'; File = 'regional-tables-only.md'; ErrorId = 'NoGlobalRangeList' }
        ) {
            $null = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $before = Get-State
            { Update-EopIpRange -Path (Join-Path $Fixtures $File) } | Should -Throw -ErrorId "$ErrorId,EopTools.Commands.UpdateEopIpRangeCommand"
            (Get-State).Files | Should -Be $before.Files
            (Get-State).Answers | Should -Be $before.Answers
        }

        It 'imports a file piped from Get-ChildItem, and a -LiteralPath as typed' {
            $result = Get-ChildItem -LiteralPath $Fixture | Update-EopIpRange -WarningAction SilentlyContinue
            $result.Updated | Should -BeTrue
            $result.RangeCount | Should -Be 5
            (Test-EopIpAddress 192.0.2.200).Range.Prefix | Should -Be '192.0.2.128/25'
            $path = Join-Path $TestDrive 'endpoints[1].json'
            Copy-Item -LiteralPath $Fixture -Destination $path
            $result = Update-EopIpRange -LiteralPath $path -Instance USGovDoD -WarningAction SilentlyContinue
            $result.Instance | Should -Be 'USGovDoD'
            $result.RangeCount | Should -Be 5
        }

        It 'fails with PathNotOneFile for a wildcard that names several files and leaves the cache as it was' {
            $null = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $before = Get-State
            { Update-EopIpRange -Path (Join-Path $Fixtures 'page-*.md') } | Should -Throw -ErrorId 'PathNotOneFile,EopTools.Commands.UpdateEopIpRangeCommand'
            (Get-State).Files | Should -Be $before.Files
        }

        It 'neither goes online nor imports anything when piped input binds to nothing' {
            $refused = 'http://127.0.0.1:9/'
            $result = 'a', 'b' | Update-EopIpRange -Uri $refused -ErrorVariable errors -ErrorAction SilentlyContinue
            $result | Should -BeNullOrEmpty
            $errors.Count | Should -Be 2
            $errors | ForEach-Object { $_.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException]) }
            @(Get-ChildItem -LiteralPath $Cache -ErrorAction SilentlyContinue).Count | Should -Be 0
        }
    }
    Context 'Data age' {
        BeforeAll {
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Fixture)
            # The fix each warning must name: both ways to update.
            $script:HowToUpdate = '*Update-EopIpRange *Update-EopIpRange -Path <file>*'
            function script:Get-OneSessionWarning([string] $Arguments) {
                $warnings = @(Get-SessionWarnings $Arguments)
                $warnings.Count | Should -Be 1
                $warnings[0]
            }
            # The WARNING lines a new session writes while it answers three commands.
            function script:Get-SessionWarnings([string] $Options = '') {
                $output = Invoke-ChildPwsh "Get-EopIpRange $Options | Out-Null; Test-EopIpAddress 40.92.70.1 $Options | Out-Null; Get-EopIpRange -Region Global $Options | Out-Null"
                @($output | ForEach-Object { "$_" -replace '\e\[[0-9;]*m', '' } | Where-Object { $_ -like 'WARNING:*' })
            }
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Version = '2026110100'
        }

        It 'says once per session that the answers come from the embedded 2018 page, and how to update' {
            Get-OneSessionWarning | Should -BeLike "WARNING: *page of 2018-08-02 embedded in EopTools*no usable cached ranges in '$([WildcardPattern]::Escape($Cache))'*$HowToUpdate"
        }

        It 'is silenced by -WarningAction SilentlyContinue' {
            Get-SessionWarnings '-WarningAction SilentlyContinue' | Should -BeNullOrEmpty
        }

        It 'says once per session when the cache was last confirmed more than 30 days ago' {
            $null = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable fixtureWarnings -WarningAction SilentlyContinue
            $fixtureWarnings | Should -BeLike "*: malformed range in endpoint set 10 (host bits are set (the network would be 192.0.2.0/25)); skipped: '192.0.2.1/25'"
            Get-SessionWarnings | Should -BeNullOrEmpty
            Set-CacheConfirmed (Join-Path $Cache 'ranges.cache') -DaysAgo 31
            $day = [datetime]::UtcNow.AddDays(-31).ToString('yyyy-MM-dd')
            Get-OneSessionWarning | Should -BeLike "WARNING: *'$([WildcardPattern]::Escape((Join-Path $Cache 'ranges.cache')))' (Worldwide, version 2026110100)*confirmed*$day, 31 days ago*$HowToUpdate"
        }

        It 'records the confirmation when the web service''s version is unchanged' {
            $null = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable fixtureWarnings -WarningAction SilentlyContinue
            $fixtureWarnings | Should -BeLike "*: malformed range in endpoint set 10 (host bits are set (the network would be 192.0.2.0/25)); skipped: '192.0.2.1/25'"
            Set-CacheConfirmed (Join-Path $Cache 'ranges.cache') -DaysAgo 40
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result.Updated | Should -BeFalse
            $Service.EndpointsRequests | Should -Be $downloads
            Get-SessionWarnings | Should -BeNullOrEmpty
        }

        It 'does not take the same undated file imported again as a confirmation' {
            $null = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            Get-SessionWarnings | Should -BeNullOrEmpty
            Set-CacheReceived (Join-Path $Cache 'ranges.cache') -DaysAgo 40
            $again = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $again.Updated | Should -BeFalse
            $day = [datetime]::UtcNow.AddDays(-40).ToString('yyyy-MM-dd')
            Get-OneSessionWarning | Should -BeLike ("WARNING: *'$([WildcardPattern]::Escape((Join-Path $Cache 'ranges.cache')))' (Worldwide, imported from '$([WildcardPattern]::Escape($Fixture))')*no date " +
                "*$day, 40 days ago*same file again*$HowToUpdate")
        }

        It 'counts the age of an imported file from its own date' {
            $xml = Join-Path $Fixtures 'O365IPAddresses.xml'
            $null = Update-EopIpRange -Path $xml -WarningAction SilentlyContinue
            $days = [int][math]::Floor(([datetime]::UtcNow - [datetime]'2018-06-02').TotalDays)
            Get-OneSessionWarning | Should -BeLike ("WARNING: *'$([WildcardPattern]::Escape((Join-Path $Cache 'ranges.cache')))' (Worldwide, imported from '$([WildcardPattern]::Escape($xml))')*" +
                "2018-06-02, $days days old*$HowToUpdate")
        }

        It 'writes nothing with -WhatIf when the version is unchanged' {
            $null = Update-EopIpRange -Uri $Service.BaseUri -WarningVariable fixtureWarnings -WarningAction SilentlyContinue
            $fixtureWarnings | Should -BeLike "*: malformed range in endpoint set 10 (host bits are set (the network would be 192.0.2.0/25)); skipped: '192.0.2.1/25'"
            Set-CacheConfirmed (Join-Path $Cache 'ranges.cache') -DaysAgo 40
            $before = Get-FileHash (Join-Path $Cache 'ranges.cache')
            Update-EopIpRange -Uri $Service.BaseUri -WhatIf | Should -BeNullOrEmpty
            (Get-FileHash (Join-Path $Cache 'ranges.cache')).Hash | Should -Be $before.Hash
        }
    }

    Context 'Cache folder' {
        It 'resolves a relative EOPTOOLS_CACHE_DIR once, to a full path, against the process''s working folder' {
            $start = Join-Path $TestDrive 'start'
            $null = New-Item -ItemType Directory -Path $start -Force
            $output = Invoke-ChildPwsh (@(
                    "[Environment]::CurrentDirectory = '$start'; `$env:EOPTOOLS_CACHE_DIR = 'relative-cache'"
                    "(Update-EopIpRange -Path '$Fixture' -WarningAction SilentlyContinue).CachePath"
                    "[Environment]::CurrentDirectory = '$TestDrive'"
                    "(Update-EopIpRange -Path '$Fixture' -WarningAction SilentlyContinue).CachePath"
                ) -join '; ')
            $output | Should -Be @((Join-Path $start 'relative-cache/ranges.cache'), (Join-Path $start 'relative-cache/ranges.cache'))
        }

        It 'refuses a blank EOPTOOLS_CACHE_DIR and says which folder it uses instead' {
            $xdg = Join-Path $TestDrive 'xdg'
            $output = Invoke-ChildPwsh (@(
                    "[Environment]::CurrentDirectory = '$TestDrive'; `$env:XDG_CACHE_HOME = '$xdg'; `$env:EOPTOOLS_CACHE_DIR = '   '"
                    "(Update-EopIpRange -Path '$Fixture' -WarningVariable warnings -WarningAction SilentlyContinue).CachePath"
                    "`$warnings | Where-Object { `"`$_`" -like 'EOPTOOLS_CACHE_DIR*' } | ForEach-Object { `"`$_`" }"
                ) -join '; ')
            $output | Should -Be @((Join-Path $xdg 'EopTools/ranges.cache'), "EOPTOOLS_CACHE_DIR is blank ('   '); the cache folder '$(Join-Path $xdg 'EopTools')' is used instead.")
            Get-ChildItem -Path $TestDrive -Directory | Where-Object { $_.Name.Trim() -eq '' } | Should -BeNullOrEmpty
        }
    }

    Context 'Other endpoint sets' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:SetService = [EopTools.TestServer.FakeEndpointsService]::new($Real2022)
        }
        AfterAll {
            $SetService.Dispose()
        }

        It 'says beside Updated whether any other endpoint set changed, version by version' {
            $null = Use-EmptyCache
            $SetService.Version = '2022083100'
            $first = Update-EopIpRange -Uri $SetService.BaseUri
            ($first.Updated, $first.EndpointSetsChanged) | Should -Be @($true, $true)

            $SetService.Version = '2022090100'
            $same = Update-EopIpRange -Uri $SetService.BaseUri
            ($same.Updated, $same.EndpointSetsChanged) | Should -Be @($false, $false)

            # Exchange Online's set 1 gains a URL; the EOP set 10 is as it was.
            $SetService.Version = '2022100100'
            $SetService.EndpointsBody = (Get-Content -Raw $Real2022).Replace('"outlook.office.com",', '"outlook.office.com", "outlook.cloud.microsoft",')
            $other = Update-EopIpRange -Uri $SetService.BaseUri
            ($other.Updated, $other.EndpointSetsChanged) | Should -Be @($false, $true)
            (Get-EopEndpointSet -Id 1).Urls | Should -Contain 'outlook.cloud.microsoft'
        }

        It 'caches an imported answer whose other sets changed, with Updated still false' {
            $null = Use-EmptyCache
            $null = Update-EopIpRange -Path $Real2022
            $variant = Join-Path $TestDrive 'variant.json'
            Set-Content -LiteralPath $variant -Value (Get-Content -Raw $Real2022).Replace('"outlook.office.com",', '"outlook.office.com", "outlook.cloud.microsoft",') -NoNewline
            $imported = Update-EopIpRange -Path $variant
            ($imported.Updated, $imported.EndpointSetsChanged) | Should -Be @($false, $true)
            $again = Update-EopIpRange -Path $variant
            ($again.Updated, $again.EndpointSetsChanged) | Should -Be @($false, $false)
            (Get-EopEndpointSet -Id 1).Urls | Should -Contain 'outlook.cloud.microsoft'
        }
    }
}
