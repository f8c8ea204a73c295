package content

import (
	"bytes"
	"testing"
)

// FuzzParse: any bytes either parse into a post whose Body is the tail of
// its Source, or give an *Error; never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: a\ndate: 2024-01-01\n---\nbody {{< figure src=\"x.png\" caption=\"c\" >}}\n",
		"+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n{{< highlight go >}}\nx\n{{< /highlight >}}\n{{% aside %}}t{{% /aside %}}\n",
		"{\n\"title\": \"a\", \"date\": \"2024-01-01\"\n}\n{{</* x */>}} {{< ref \"b.md\" >}}\n",
		"+++\n+++\n{{< unclosed\n",
		"{\"title\": [1, {\"x\": null}]}",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Add([]byte("---\na: &x [*x]\nb: &y {k: *y}\ntitle: *z\n---\n"), false)
	f.Add([]byte("---\n---\n{% highlight ruby %}\nx\n{% endhighlight %}{% raw %}{{ y }}{% endraw %}{% comment %}z"), true)
	f.Fuzz(func(t *testing.T, src []byte, jekyll bool) {
		kind := Native
		if jekyll {
			kind = JekyllPost
		}
		p, err := ParseKind("content/posts/2024-01-02-x.md", "posts/2024-01-02-x.md", src, kind)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			return
		}
		if !bytes.Equal(p.Source[p.BodyOffset:], p.Body) {
			t.Fatalf("Body is not Source[BodyOffset:]")
		}
	})
}
