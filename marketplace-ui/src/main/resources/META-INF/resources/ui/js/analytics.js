// Sales analytics for operators (everyone's sales) and producers (their own: the API filters by the token): a date
// range (the last 30 days unless the address says ?from=&to=), the figures, revenue per day as an ECharts chart
// (window.echarts, loaded by the page) and the top products and producers.
import {api, el, money, openPage, param, showError} from '/ui/js/ordo.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days of a range filled in with zeros on the chart; a longer range shows the days with orders only. */
const FILLED_DAYS = 400;

openPage('analytics', ['operator', 'producer'], async current => {
    const own = !current.is('operator');
    document.getElementById('title').textContent = own ? 'Sales of your products' : 'Sales';
    document.getElementById('scope').textContent = own
        ? 'Your products only: orders that hold one of your products, and the revenue your lines of them brought.'
        : 'Every producer\'s sales. Revenue counts orders that were paid and not cancelled.';
    const from = document.getElementById('from');
    const to = document.getElementById('to');
    const today = new Date().toISOString().substring(0, 10);
    to.value = param('to') || today;
    from.value = param('from') || new Date(Date.parse(to.value) - 29 * DAY_MS).toISOString().substring(0, 10);
    const chart = echarts.init(document.getElementById('revenue-chart'));
    window.addEventListener('resize', () => chart.resize());

    const show = async () => {
        history.replaceState(null, '', '?from=' + from.value + '&to=' + to.value);
        const figures = await api('/analytics?from=' + from.value + '&to=' + to.value + '&top=10');
        const currency = figures.currency;
        document.getElementById('revenue').textContent = money(figures.revenue, currency);
        document.getElementById('total-orders').textContent = String(figures.totalOrders);
        document.getElementById('paid-orders').textContent = String(figures.paidOrders);
        document.getElementById('average-order-value').textContent = money(figures.averageOrderValue, currency);
        document.getElementById('completion-rate').textContent = (Number(figures.completionRate) * 100).toFixed(1)
            + ' %';
        document.getElementById('completion-detail').textContent = figures.completedOrders + ' delivered, '
            + figures.cancelledOrders + ' cancelled';
        draw(chart, figures);
        ranking('top-products', figures.topProducts, p => p.productName, currency);
        ranking('top-producers', figures.topProducers, p => p.producerName, currency);
    };

    document.getElementById('range').addEventListener('submit', event => {
        event.preventDefault();
        show().catch(showError);
    });
    await show();
});

function draw(chart, figures) {
    const byDay = new Map(figures.revenuePerDay.map(d => [d.day, d]));
    const days = [];
    const start = Date.parse(figures.from);
    const end = Date.parse(figures.to);
    if ((end - start) / DAY_MS < FILLED_DAYS) {
        for (let t = start; t <= end; t += DAY_MS) {
            days.push(new Date(t).toISOString().substring(0, 10));
        }
    } else {
        days.push(...byDay.keys());
    }
    chart.setOption({
        tooltip: {trigger: 'axis'},
        legend: {data: ['Revenue', 'Orders']},
        grid: {left: 60, right: 50, top: 40, bottom: 30},
        xAxis: {type: 'category', data: days},
        yAxis: [{type: 'value', name: figures.currency}, {type: 'value', name: 'orders', minInterval: 1}],
        series: [
            {name: 'Revenue', type: 'bar', data: days.map(d => Number((byDay.get(d) || {}).revenue || 0)),
                itemStyle: {color: '#2457c5'}},
            {name: 'Orders', type: 'line', yAxisIndex: 1, data: days.map(d => (byDay.get(d) || {}).orders || 0),
                itemStyle: {color: '#9a6200'}}
        ]
    }, true);
}

function ranking(id, ranked, name, currency) {
    document.querySelector('#' + id + ' tbody').replaceChildren(...(ranked.length ? ranked.map(r => el('tr', {},
            el('td', {}, name(r)), el('td', {class: 'number'}, r.units),
            el('td', {class: 'number'}, money(r.revenue, currency))))
        : [el('tr', {}, el('td', {colspan: 3, class: 'muted'}, 'No sales in this range.'))]));
}
