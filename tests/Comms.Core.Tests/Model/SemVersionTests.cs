using Comms.Core.Model;

namespace Comms.Core.Tests.Model;

public sealed class SemVersionTests
{
    private static SemVersion V(string text)
    {
        Assert.True(SemVersion.TryParse(text, out var version), text);
        return version;
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("v1.0.0", "1.0.0")]
    [InlineData("1", "1.0.0")]
    [InlineData("1.2.3-rc.1", "v1.2.3-rc.1")]
    [InlineData("1.2.3-rc.01", "1.2.3-rc.1")]
    [InlineData("1.2.3+build.5", "1.2.3")]
    public void Equal_versions_have_equal_hash_codes(string a, string b)
    {
        Assert.Equal(V(a), V(b));
        Assert.True(V(a) == V(b));
        Assert.Equal(V(a).GetHashCode(), V(b).GetHashCode());
        Assert.Single(new HashSet<SemVersion> { V(a), V(b) });
    }

    [Theory]
    [InlineData("1.0.1", "1.0.0")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0-rc.1", "1.0.0-rc.1.1")]
    [InlineData("1.0.0-alpha", "1.0.0-beta")]
    public void Different_versions_are_not_equal(string a, string b)
    {
        Assert.NotEqual(V(a), V(b));
        Assert.NotEqual(0, V(a).CompareTo(V(b)));
    }

    [Fact]
    public void The_version_order_stays_total_for_texts_of_one_version()
    {
        var sorted = new[] { "1.0.0", "v1.0", "1.0" }.Order(VersionOrder.Instance).ToArray();
        Assert.Equal(["1.0", "1.0.0", "v1.0"], sorted);
    }
}
