package bot

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the bot's Prometheus metrics. Each Bot has its own registry,
// served by Handler, so that tests and several bots in one process do not
// share counters.
type Metrics struct {
	reg       *prometheus.Registry
	questions *prometheus.CounterVec   // by surface and outcome
	latency   *prometheus.HistogramVec // by surface
	rejected  *prometheus.CounterVec   // by reason
	recording prometheus.Counter       // failures to record a question
}

func newMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bpobot_questions_total",
			Help: "Questions handled, by surface (slash, button, dm, mention) and outcome (answered, declined).",
		}, []string{"surface", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "bpobot_reply_seconds",
			Help:    "Time to compose a reply, by surface.",
			Buckets: []float64{.00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .1},
		}, []string{"surface"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "bpobot_rejected_requests_total",
			Help: "Requests or questions rejected, by reason (bad_signature, stale_timestamp, too_large, malformed, method, rate_limited, ...).",
		}, []string{"reason"}),
		recording: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "bpobot_recording_errors_total",
			Help: "Questions, picks or feedback that could not be recorded.",
		}),
	}
	m.reg.MustRegister(m.questions, m.latency, m.rejected, m.recording,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

func (m *Metrics) question(surface string, answered bool, d time.Duration) {
	outcome := "declined"
	if answered {
		outcome = "answered"
	}
	m.questions.WithLabelValues(surface, outcome).Inc()
	m.latency.WithLabelValues(surface).Observe(d.Seconds())
}

func (m *Metrics) reject(reason string) { m.rejected.WithLabelValues(reason).Inc() }

// Reject counts a request or question refused before it was answered, by
// reason (bad_signature, stale_timestamp, too_large, malformed, method,
// unsupported, rate_limited), for the transports.
func (m *Metrics) Reject(reason string) { m.reject(reason) }
